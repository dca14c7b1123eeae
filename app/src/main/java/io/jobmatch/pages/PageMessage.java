package io.jobmatch.pages;

import java.util.List;

/** A translated message for the page: a key of the pages' bundle and its arguments ({@code {0}}, {@code {1}}...). */
public record PageMessage(String key, List<String> args) {

    static PageMessage of(String key, String... args) {
        return new PageMessage(key, List.of(args));
    }

    /** The first argument, or null: the templates pass at most two. */
    public String arg0() {
        return args.isEmpty() ? null : args.get(0);
    }

    public String arg1() {
        return args.size() < 2 ? null : args.get(1);
    }
}
