package dev.daybook.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code YYYY-MM-DD} option value, saying what was wrong with a bad one. */
final class Dates implements ITypeConverter<LocalDate> {

  @Override
  public LocalDate convert(String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a date (expected YYYY-MM-DD)");
    }
  }
}
