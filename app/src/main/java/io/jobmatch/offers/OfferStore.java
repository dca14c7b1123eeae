package io.jobmatch.offers;

import io.jobmatch.offers.SavedOffer.Change;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** PostgreSQL adapter for offers (Micronaut Data JDBC operations, plain SQL for upserts and batches). */
@Singleton
public class OfferStore {

    private static final String COLUMNS = "id, source, external_id, title, description, language, language_confidence, "
            + "country, city, "
            + "company, employment_type, remote, salary_min, salary_max, salary_currency, salary_period, date_posted, "
            + "valid_through, url, status, created_at, updated_at";

    private static final String UPSERT = """
            insert into offer (id, source, external_id, title, description, language, language_confidence, country,
                               city, company, employment_type, remote, salary_min, salary_max, salary_currency,
                               salary_period, date_posted, valid_through, url, status, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp(), clock_timestamp())
            on conflict (source, external_id) do update set
                title = excluded.title, description = excluded.description, language = excluded.language,
                language_confidence = excluded.language_confidence,
                country = excluded.country, city = excluded.city, company = excluded.company,
                employment_type = excluded.employment_type, remote = excluded.remote,
                salary_min = excluded.salary_min, salary_max = excluded.salary_max,
                salary_currency = excluded.salary_currency, salary_period = excluded.salary_period,
                date_posted = excluded.date_posted, valid_through = excluded.valid_through, url = excluded.url,
                status = excluded.status, updated_at = clock_timestamp()
            where (offer.title, offer.description, offer.language, offer.language_confidence, offer.country, offer.city, offer.company,
                   offer.employment_type, offer.remote, offer.salary_min, offer.salary_max, offer.salary_currency,
                   offer.salary_period, offer.date_posted, offer.valid_through, offer.url, offer.status)
                  is distinct from
                  (excluded.title, excluded.description, excluded.language, excluded.language_confidence,
                   excluded.country, excluded.city,
                   excluded.company, excluded.employment_type, excluded.remote, excluded.salary_min,
                   excluded.salary_max, excluded.salary_currency, excluded.salary_period, excluded.date_posted,
                   excluded.valid_through, excluded.url, excluded.status)
            returning %s, (xmax = 0) as inserted
            """.formatted(COLUMNS);

    /** Lower-cased with PostgreSQL's built-in Unicode case mapping, whatever the server's locale (migration V3). */
    private static final String LISTED_TEXT =
            "lower((title || ' ' || coalesce(company, '') || ' ' || description) collate \"pg_c_utf8\")";

    private static final String LISTED_TITLE = "lower(title collate \"pg_c_utf8\")";
    private static final String LOWER_PATTERN = "('%' || lower(cast(? as text) collate \"pg_c_utf8\") || '%')";

    private static final String FIND_BY_KEY = "select " + COLUMNS + " from offer where source = ? and external_id = ?";

    private final JdbcOperations jdbc;

    public OfferStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts or updates by (source, externalId), all in one transaction; results keep the drafts' order. A draft
     * equal to the stored offer leaves the row untouched (no new version to index), so re-importing is cheap.
     */
    @Transactional
    public List<SavedOffer> upsertAll(List<OfferDraft> drafts) {
        return jdbc.prepareStatement(
                UPSERT,
                upsert -> jdbc.prepareStatement(FIND_BY_KEY, find -> {
                    List<SavedOffer> saved = new ArrayList<>(drafts.size());
                    for (OfferDraft draft : drafts) {
                        bind(upsert, draft);
                        try (ResultSet row = upsert.executeQuery()) {
                            saved.add(
                                    row.next()
                                            ? new SavedOffer(
                                                    offer(row),
                                                    row.getBoolean("inserted") ? Change.CREATED : Change.UPDATED)
                                            : new SavedOffer(unchanged(find, draft), Change.UNCHANGED));
                        }
                    }
                    return saved;
                }));
    }

    private static Offer unchanged(PreparedStatement find, OfferDraft draft) throws SQLException {
        find.setString(1, draft.source());
        find.setString(2, draft.externalId());
        try (ResultSet row = find.executeQuery()) {
            row.next();
            return offer(row);
        }
    }

    @ReadOnly
    public Optional<Offer> find(UUID id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    /** The stored offers among {@code ids}, in the order of {@code ids}; unknown ids are skipped. */
    @ReadOnly
    public List<Offer> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Offer> byId =
                jdbc.prepareStatement("select " + COLUMNS + " from offer where id = any(?)", statement -> {
                    statement.setArray(1, uuidArray(statement, ids));
                    Map<UUID, Offer> found = new LinkedHashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            Offer offer = offer(rows);
                            found.put(offer.id(), offer);
                        }
                    }
                    return found;
                });
        return ids.stream().map(byId::get).filter(o -> o != null).toList();
    }

    @Transactional
    public boolean delete(UUID id) {
        return jdbc.prepareStatement("delete from offer where id = ?", statement -> {
            statement.setObject(1, id);
            return statement.executeUpdate() > 0;
        });
    }

    /** Countries with open offers in {@code language}, most offers first (ties by country code). */
    @ReadOnly
    public List<CountryCount> countriesWithOpenOffers(String language) {
        String sql = """
                select country, count(*) as offers from offer
                where language = ? and status = 'OPEN' and country is not null
                group by country order by offers desc, country
                """;
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, language);
            List<CountryCount> counts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.add(new CountryCount(rows.getString("country"), rows.getLong("offers")));
                }
            }
            return counts;
        });
    }

    /**
     * One page of the listing: offers holding every word (matched as lower-cased substrings, the expression the
     * trigram index of migration V3 covers), those with more of the words in their title first, then newest first.
     */
    @ReadOnly
    public OfferPage list(OfferListing listing) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("true");
        filter(where, parameters, "language", listing.language());
        filter(
                where,
                parameters,
                "status",
                listing.status() == null ? null : listing.status().name());
        filter(where, parameters, "source", listing.source());
        StringBuilder titleHits = new StringBuilder("0");
        List<Object> titleParameters = new ArrayList<>();
        for (String word : listing.words()) {
            String pattern = likeEscaped(word);
            where.append(" and ").append(LISTED_TEXT).append(" like ").append(LOWER_PATTERN);
            parameters.add(pattern);
            titleHits
                    .append(" + (case when ")
                    .append(LISTED_TITLE)
                    .append(" like ")
                    .append(LOWER_PATTERN);
            titleHits.append(" then 1 else 0 end)");
            titleParameters.add(pattern);
        }
        StringBuilder sql = new StringBuilder("select * from (select ")
                .append(COLUMNS)
                .append(", ")
                .append(titleHits)
                .append(" as title_hits from offer where ")
                .append(where)
                .append(") listed");
        OfferCursor after = listing.after();
        if (after != null) {
            sql.append(" where (title_hits, created_at, id) < (?, ?, ?)");
        }
        sql.append(" order by title_hits desc, created_at desc, id desc limit ?");
        return jdbc.prepareStatement(sql.toString(), statement -> {
            int i = 0;
            for (Object value : titleParameters) {
                statement.setObject(++i, value);
            }
            for (Object value : parameters) {
                statement.setObject(++i, value);
            }
            if (after != null) {
                statement.setInt(++i, after.titleHits());
                statement.setObject(++i, OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC));
                statement.setObject(++i, after.id());
            }
            statement.setInt(++i, listing.limit() + 1);
            List<Offer> offers = new ArrayList<>();
            OfferCursor last = null;
            try (ResultSet rows = statement.executeQuery()) {
                while (offers.size() < listing.limit() && rows.next()) {
                    Offer offer = offer(rows);
                    offers.add(offer);
                    last = new OfferCursor(rows.getInt("title_hits"), offer.createdAt(), offer.id());
                }
                // The one row read past the page says whether there is a next page.
                return new OfferPage(offers, rows.next() ? last.encode() : null);
            }
        });
    }

    private static void filter(StringBuilder where, List<Object> parameters, String column, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            parameters.add(value);
        }
    }

    /** LIKE's wildcards and its escape character (backslash, PostgreSQL's default) stand for themselves. */
    private static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void bind(PreparedStatement statement, OfferDraft draft) throws SQLException {
        Salary salary = draft.salary();
        int i = 0;
        statement.setObject(++i, UUID.randomUUID());
        statement.setString(++i, draft.source());
        statement.setString(++i, draft.externalId());
        statement.setString(++i, draft.title());
        statement.setString(++i, draft.description());
        statement.setString(++i, draft.language());
        statement.setObject(++i, draft.languageConfidence(), Types.DOUBLE);
        statement.setString(++i, draft.country());
        statement.setString(++i, draft.city());
        statement.setString(++i, draft.company());
        statement.setString(++i, name(draft.employmentType()));
        statement.setObject(++i, draft.remote(), Types.BOOLEAN);
        statement.setBigDecimal(++i, salary == null ? null : salary.min());
        statement.setBigDecimal(++i, salary == null ? null : salary.max());
        statement.setString(++i, salary == null ? null : salary.currency());
        statement.setString(++i, salary == null ? null : name(salary.period()));
        statement.setDate(++i, draft.datePosted() == null ? null : Date.valueOf(draft.datePosted()));
        statement.setDate(++i, draft.validThrough() == null ? null : Date.valueOf(draft.validThrough()));
        statement.setString(++i, draft.url());
        statement.setString(++i, draft.status().name());
    }

    private static Offer offer(ResultSet row) throws SQLException {
        return new Offer(
                row.getObject("id", UUID.class),
                row.getString("source"),
                row.getString("external_id"),
                row.getString("title"),
                row.getString("description"),
                row.getString("language"),
                row.getObject("language_confidence", Double.class),
                row.getString("country"),
                row.getString("city"),
                row.getString("company"),
                constant(EmploymentType.class, row.getString("employment_type")),
                row.getObject("remote", Boolean.class),
                salary(row),
                localDate(row.getDate("date_posted")),
                localDate(row.getDate("valid_through")),
                row.getString("url"),
                OfferStatus.valueOf(row.getString("status")),
                instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("updated_at")));
    }

    private static Salary salary(ResultSet row) throws SQLException {
        BigDecimal min = row.getBigDecimal("salary_min");
        BigDecimal max = row.getBigDecimal("salary_max");
        String currency = row.getString("salary_currency");
        if (min == null && max == null && currency == null) {
            return null;
        }
        return new Salary(min, max, currency, constant(SalaryPeriod.class, row.getString("salary_period")));
    }

    private static Array uuidArray(PreparedStatement statement, List<UUID> ids) throws SQLException {
        return statement.getConnection().createArrayOf("uuid", ids.toArray());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
