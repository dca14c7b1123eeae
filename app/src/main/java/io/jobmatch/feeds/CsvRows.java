package io.jobmatch.feeds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV with a header row, one record at a time (Commons CSV, which reads quoted fields across lines). Column names
 * are offer fields, {@code salary.min} style for nested ones; an empty cell is an absent field. The delimiter is a
 * comma, or a semicolon or tab when the header holds one of those and no comma. A row is at {@code file:line}, the
 * line its record starts on. Malformed CSV (an unclosed quote) ends the file, reported as an invalid row there.
 */
final class CsvRows implements RowSource {

    private static final Set<String> NUMBERS = Set.of("salary.min", "salary.max");
    private static final Set<String> BOOLEANS = Set.of("remote");
    private static final int HEADER_LINE_LIMIT = 64 * 1024;

    private final String name;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long lastLine;
    private boolean ended;

    private CsvRows(String name, CSVParser parser) {
        this.name = name;
        this.parser = parser;
        this.header = parser.getHeaderNames().stream()
                .map(column -> column.replace("\uFEFF", ""))
                .toList();
        this.records = parser.iterator();
        this.lastLine = parser.getCurrentLineNumber();
    }

    /** The rows of {@code text}; a header that cannot be read (two columns of one name) is one invalid row. */
    static RowSource open(String name, BufferedReader text) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter(text))
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false) // counted, so that line numbers stay right; skipped below
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .get();
        try {
            return new CsvRows(
                    name, CSVParser.builder().setReader(text).setFormat(format).get());
        } catch (IllegalArgumentException | CSVException badHeader) {
            text.close();
            return RowSource.of(List.of(FeedRow.invalid(name + ":1", "$", "bad header: " + badHeader.getMessage())));
        }
    }

    private static char delimiter(BufferedReader text) throws IOException {
        text.mark(HEADER_LINE_LIMIT);
        String first = text.readLine();
        text.reset();
        if (first == null || first.contains(",")) {
            return ',';
        }
        return first.contains(";") ? ';' : first.contains("\t") ? '\t' : ',';
    }

    @Override
    public FeedRow next() throws IOException {
        while (!ended) {
            String location = name + ":" + (lastLine + 1);
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    ended = true;
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException failure) {
                if (failure.getCause() instanceof CSVException malformed) {
                    ended = true;
                    return FeedRow.invalid(
                            location, "$", "malformed CSV: " + malformed.getMessage() + "; the rest is not read");
                }
                throw failure.getCause();
            }
            lastLine = parser.getCurrentLineNumber();
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // a blank line
            }
            return row(location, record);
        }
        return null;
    }

    private FeedRow row(String location, CSVRecord record) {
        if (record.size() > header.size()) {
            return FeedRow.invalid(location, "$", record.size() + " cells for " + header.size() + " header columns");
        }
        ObjectNode offer = JsonNodeFactory.instance.objectNode();
        for (int column = 0; column < record.size(); column++) {
            String field = header.get(column);
            String cell = record.get(column);
            if (cell.isEmpty() || field.isEmpty()) {
                continue;
            }
            String problem = put(offer, field, cell);
            if (problem != null) {
                return FeedRow.invalid(location, field, problem);
            }
        }
        return FeedRow.offer(location, offer);
    }

    /** Puts {@code cell} at the dotted path {@code field}, typed; says what is wrong when it cannot. */
    private static String put(ObjectNode offer, String field, String cell) {
        String[] path = field.split("\\.");
        ObjectNode parent = offer;
        for (int level = 0; level < path.length - 1; level++) {
            if (parent.get(path[level]) instanceof ObjectNode nested) {
                parent = nested;
            } else if (parent.has(path[level])) {
                return "column clashes with the column " + path[level];
            } else {
                parent = parent.putObject(path[level]);
            }
        }
        String last = path[path.length - 1];
        if (NUMBERS.contains(field)) {
            try {
                parent.put(last, new BigDecimal(cell));
            } catch (NumberFormatException notANumber) {
                return "not a number: '" + cell + "'";
            }
        } else if (BOOLEANS.contains(field)) {
            String value = cell.toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                return "must be true or false: '" + cell + "'";
            }
            parent.put(last, Boolean.parseBoolean(value));
        } else {
            parent.put(last, cell);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
