/**
 * The settings of a site ({@code site.properties}): repositories, language, time zone, the LLM
 * analyzer's endpoint and limits. A bad value is an error naming the file, key and value.
 */
package dev.daybook.config;
