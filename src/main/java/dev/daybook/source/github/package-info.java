/**
 * The GitHub commit source, on hub4j's client: the first-parent chain of the default branch in a
 * day, requests kept on the API's origin, retries with backoff (5xx, broken bodies, network
 * failures), one request budget that every thread of a run draws from, within the rate limit
 * GitHub announces, waiting out rate limits, errors that name the request (never the token).
 */
package dev.daybook.source.github;
