/**
 * Local servers for a machine without Docker: embedded PostgreSQL 17 (zonky) and the Qdrant binary pinned in
 * {@code qdrant.properties}, both keeping their data under the data directory. Entry point:
 * {@link io.jobmatch.local.LocalInfrastructure}. Nothing here runs when external servers are configured
 * (docker-compose, production).
 */
package io.jobmatch.local;
