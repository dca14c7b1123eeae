package io.jobmatch.pages;

/** How the pages read a form or query value: blank means absent, and surrounding spaces never count. */
final class FormValues {

    private FormValues() {}

    static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
