/**
 * The settings of a site ({@code site.properties}): repositories, language, time zone, the LLM
 * analyzer's endpoint and limits. A bad value is an error naming the file, key and value. Secrets
 * are not settings: {@link dev.daybook.config.Secrets} checks those read from the environment,
 * naming the variable and never the value.
 */
package dev.daybook.config;
