package io.jobmatch.offers;

/** schema.org JobPosting employmentType values. */
public enum EmploymentType {
    FULL_TIME,
    PART_TIME,
    CONTRACTOR,
    TEMPORARY,
    INTERN,
    VOLUNTEER,
    PER_DIEM,
    OTHER
}
