/**
 * Bean Validation constraints of the API's request records, and the {@link io.jobmatch.validation.JsonRequest} marker of records bound field by field: ISO 639-1 languages, ISO 3166-1 countries, ISO 4217
 * currencies, http(s) URLs, and ranges across two fields. Entry point: the constraint annotations; their validators
 * are Micronaut beans in {@link io.jobmatch.validation.ConstraintValidators}.
 */
package io.jobmatch.validation;
