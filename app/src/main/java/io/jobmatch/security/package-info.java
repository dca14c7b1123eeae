/**
 * API keys on writes: which key may write which sources ({@code jobmatch.security.api-keys}, or SHA-256 hashes in
 * {@code jobmatch.security.api-keys-file}), checked by micronaut-security on the routes marked {@link
 * io.jobmatch.security.KeyRequired}; a controller then checks the sources an offer belongs to against the key's
 * {@link io.jobmatch.security.SourceGrant}. Reads, searches and pages stay public. Entry point:
 * {@link io.jobmatch.security.ApiKeys}.
 */
package io.jobmatch.security;
