package io.jobmatch.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which single vector should stand for a CV longer than the model window? Each CV below is about 1,300 tokens
 * (three windows): one paragraph that says what the person does, at the start, in the middle or at the end, inside
 * neutral CV material (education, languages, interests, qualities). The right offer is the one for that job. Each
 * way of scoring a multi-window CV ranks the twelve offers for each of the 36 CVs; the README records the numbers
 * this prints. FIRST_WINDOW is what silent truncation would give; MAX_SIM scores an offer by the CV's best window.
 */
class LongTextAggregationTest {

    enum Aggregation {
        FIRST_WINDOW,
        MEAN,
        TOKEN_WEIGHTED_MEAN,
        MAX_SIM
    }

    enum Position {
        START,
        MIDDLE,
        END
    }

    private static final List<String> OFFERS = List.of(
            "Registered nurse for the intensive care unit of a city hospital. You will monitor critically ill patients, "
                    + "administer medication and work with doctors on twelve-hour shifts. Nursing licence required.",
            "Backend Java developer to build REST APIs with Spring Boot and PostgreSQL in an agile product team. "
                    + "Experience with microservices, Docker and automated testing expected.",
            "Long-haul truck driver with a C+E licence for international routes across Europe. You will load and secure "
                    + "freight, respect driving-time rules and keep delivery schedules.",
            "Accountant to manage the general ledger, month-end closing, VAT returns and payroll for a mid-sized company. "
                    + "Knowledge of IFRS and accounting software required.",
            "Line cook for a busy restaurant kitchen: prepare dishes on the grill and saute stations, follow recipes, "
                    + "keep the kitchen clean and respect food hygiene rules.",
            "Industrial electrician to install, maintain and repair electrical systems, motors and control cabinets in a "
                    + "manufacturing plant. Reading wiring diagrams is essential.",
            "Primary school teacher for a class of eight-year-olds: plan lessons in reading, writing and mathematics, "
                    + "assess progress and meet with parents.",
            "B2B sales representative to find new business clients, visit customers, negotiate contracts and reach "
                    + "quarterly revenue targets in your region.",
            "Data analyst to query databases with SQL, build dashboards, analyse sales trends and present insights to "
                    + "management. Python and statistics are a plus.",
            "Warehouse forklift operator to load and unload trucks, move pallets, pick orders and keep stock locations "
                    + "accurate. Forklift certificate required.",
            "Carpenter to build and install wooden frames, stairs, doors and fitted furniture on construction sites. "
                    + "Must read technical drawings and use power tools safely.",
            "Dental assistant to prepare treatment rooms, sterilise instruments, assist the dentist during procedures "
                    + "and take X-rays.");

    /** What each person does, in their own words; index i matches offer i. */
    private static final List<String> KEY_PARAGRAPHS = List.of(
            "Since 2016 I have worked as a nurse in the intensive care ward of Saint Mary's Hospital. I look after "
                    + "ventilated patients, check vital signs every hour, prepare and give intravenous drugs, and hand over "
                    + "to the night team. I hold a state nursing diploma and advanced life support certification.",
            "For the last six years I have been a software engineer writing server-side Java. I designed REST services "
                    + "with Spring Boot, stored data in PostgreSQL, packaged services in Docker containers and wrote unit and "
                    + "integration tests with JUnit. I took part in sprint planning and code reviews.",
            "I have driven heavy goods vehicles for nine years, mostly international transport between Spain, France and "
                    + "Germany. I hold a C+E licence and a driver qualification card, I secure loads myself, plan rest "
                    + "periods with the tachograph and have never missed a delivery slot.",
            "I worked eight years in the finance department of a manufacturing group, where I kept the general ledger, "
                    + "prepared monthly closings and VAT declarations, ran payroll for 140 employees and reconciled bank "
                    + "accounts. I use SAP and Excel daily and know IFRS.",
            "I spent five years in restaurant kitchens, first as commis then on the grill station. I prepared meat and "
                    + "fish to order during services of two hundred covers, made sauces and garnishes, and followed HACCP "
                    + "hygiene rules when cleaning and storing food.",
            "As a maintenance electrician in a car parts factory, I wired control cabinets, repaired three-phase motors, "
                    + "found faults on production lines using schematics and a multimeter, and carried out safety "
                    + "inspections of electrical installations.",
            "I have taught in primary schools for seven years, mostly children aged seven to nine. I prepare lessons in "
                    + "reading, writing and arithmetic, assess each pupil's progress, run parent meetings and organise "
                    + "school trips.",
            "My career has been in business-to-business sales: I prospected new company accounts, visited customers on "
                    + "the road four days a week, negotiated annual supply contracts and exceeded my quarterly revenue "
                    + "targets for three years running.",
            "I work as a data analyst: I write SQL queries on our data warehouse, build dashboards in Power BI, analyse "
                    + "sales and customer trends, and present findings to the management team. I also automate reports "
                    + "with Python and pandas.",
            "I have worked in logistics warehouses for six years, driving reach trucks and counterbalance forklifts, "
                    + "loading and unloading lorries, moving pallets to racking, picking orders with a scanner and doing "
                    + "stock counts. I hold a valid forklift licence.",
            "I am a qualified carpenter with ten years on building sites. I build roof frames and staircases, hang doors, "
                    + "fit kitchens and wardrobes, work from architects' drawings and use circular saws and routers safely.",
            "I have assisted dentists for four years in a family practice: I set up the surgery before each patient, "
                    + "clean and sterilise instruments in the autoclave, pass instruments during fillings and extractions, "
                    + "and take and develop dental X-rays.");

    /** CV material that says nothing about the job; each CV uses all of it, in its own order. */
    private static final List<String> NEUTRAL = List.of(
            "Personal details: born in 1988, married, two children, living close to the city centre with a driving licence B.",
            "I finished secondary school with a general diploma and good marks in languages, history and geography.",
            "At school I was class representative for two years and helped organise the end-of-year celebration.",
            "I speak English fluently, have a good level of Spanish and understand basic German in everyday conversation.",
            "In my free time I like long walks in the mountains, especially in autumn when the trails are quiet.",
            "I read a lot, mainly historical novels and biographies of explorers, and I belong to a local book club.",
            "Every summer I volunteer for a week at a music festival, welcoming visitors and giving directions.",
            "I have run three half marathons and train twice a week with a running group from my neighbourhood.",
            "Friends describe me as patient, cheerful and someone who keeps calm when plans change at the last minute.",
            "I like to arrive early, prepare my day with a short list and finish what I have started before leaving.",
            "I am used to working with people of different ages and backgrounds and I enjoy learning from them.",
            "I completed a first aid course last year and I renew it regularly because I think everyone should know it.",
            "I follow the news every morning and I am interested in how cities change, in transport and in architecture.",
            "References from my previous employers are available on request and I am happy to arrange a call.",
            "I am available to start one month after an offer and I can travel for short periods if needed.",
            "I took an evening course in photography and I now take pictures at family events and local sports matches.",
            "I have a cat, I cook for my family on weekends and I grow tomatoes and herbs on my balcony.",
            "When I moved to this city I joined a language exchange group and still meet some of those people monthly.",
            "I prefer clear instructions at the start of a task and then the freedom to organise the details myself.",
            "I keep my documents and emails tidy, which helps me find information quickly when someone asks.",
            "I enjoy board games and chess, and I played in a small amateur chess tournament two years ago.",
            "I believe in honest feedback, both giving and receiving it, because it is the fastest way to improve.",
            "My goal for the next years is to grow in responsibility while keeping a good balance with family life.",
            "I took part in a community project to renovate a playground, painting fences and planting trees.",
            "I am comfortable with a computer, email, online calendars and video calls, and I learn new apps quickly.",
            "I have lived abroad for one year as a young adult, which taught me to adapt and be independent.",
            "On weekends I sometimes help at my parents' small shop, serving neighbours and tidying the shelves.",
            "I like to cycle to work when the weather allows, it is cheaper and it clears my head before the day starts.",
            "I am a member of a choir that performs twice a year in local churches and at a charity concert.",
            "I keep myself informed about safety rules and I respect them, for myself and for the people around me.",
            "I have a calm voice and people often say I am good at explaining things in simple words.",
            "I do not smoke, I sleep well and I rarely miss a day, which I think shows in my attendance record.",
            "I enjoy cooking dishes from other countries and I invite friends once a month to try something new.",
            "I went on a two-week hiking trip in Scotland and carried all my equipment, which I am still proud of.",
            "I like order and I often offer to tidy shared spaces, from the coffee corner to the storage room.",
            "During a long winter I learned to knit from online videos and I now make scarves for my nephews.",
            "I take notes in meetings and share them afterwards, so everybody remembers what was decided.",
            "I am looking for a workplace with a friendly atmosphere where people help each other.",
            "I used to coach a children's football team on Saturday mornings, which taught me a lot of patience.",
            "I think punctuality is a form of respect, so I plan my journeys with some margin.",
            "I have a valid passport and no restrictions on working in the European Union.",
            "I enjoy museums and I try to visit a new exhibition whenever I travel to another city.",
            "I listen carefully before answering and I ask questions when something is not clear to me.",
            "I donate blood twice a year and I encourage colleagues to do the same.",
            "I am calm with difficult people and I try to understand what they need before reacting.");

    /** Text tokens of an e5 window: 512 minus [CLS], [SEP] and the two tokens of "query: ". */
    private static final int MODEL_WINDOW = 508;

    private static EmbeddingEngine engine;

    @BeforeAll
    static void open() {
        engine = TestModels.openOffline(0);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /**
     * At the model's own window (508 text tokens) the decision is asserted; at 126 tokens it is only printed, to show
     * how window size moves each aggregation.
     */
    @ParameterizedTest(name = "window of {0} text tokens")
    @ValueSource(ints = {MODEL_WINDOW, 126})
    void bestChunkScoringRanksTheRightOfferFirstMostOften(int capacity) {
        List<float[]> offers = engine.embedDocuments(OFFERS).stream()
                .map(TextEmbedding::vector)
                .toList();
        Map<Aggregation, Map<Position, int[]>> ranks = new EnumMap<>(Aggregation.class);
        for (Aggregation aggregation : Aggregation.values()) {
            ranks.put(aggregation, new EnumMap<>(Position.class));
        }
        int totalTokens = 0;
        int totalWindows = 0;
        for (Position position : Position.values()) {
            for (Aggregation aggregation : Aggregation.values()) {
                ranks.get(aggregation).put(position, new int[OFFERS.size()]);
            }
            for (int job = 0; job < OFFERS.size(); job++) {
                String cv = cv(job, position);
                TokenizedText tokens = engine.tokenizer().tokenize(cv);
                List<TokenRange> ranges = new TextChunker(EmbeddingEngine.OVERLAP_TOKENS).split(tokens, capacity);
                List<float[]> windows =
                        capacity == MODEL_WINDOW ? engine.embedQuery(cv).chunkVectors() : encodeWindows(tokens, ranges);
                totalTokens += tokens.size();
                totalWindows += windows.size();
                for (Aggregation aggregation : Aggregation.values()) {
                    double[] scores = score(aggregation, windows, ranges, offers);
                    ranks.get(aggregation).get(position)[job] = rankOf(job, scores);
                }
            }
        }

        System.out.printf(
                "window %d: %d CVs, %.0f tokens and %.1f windows on average%n",
                capacity, 3 * OFFERS.size(), totalTokens / (3.0 * OFFERS.size()), totalWindows / (3.0 * OFFERS.size()));
        System.out.println("aggregation          | top-1 start | top-1 middle | top-1 end | top-1 all | MRR all");
        for (Aggregation aggregation : Aggregation.values()) {
            Map<Position, int[]> byPosition = ranks.get(aggregation);
            List<Integer> all = new ArrayList<>();
            byPosition.values().forEach(r -> {
                for (int rank : r) {
                    all.add(rank);
                }
            });
            System.out.printf(
                    "%-20s | %11s | %12s | %9s | %9s | %.3f%n",
                    aggregation,
                    top1(byPosition.get(Position.START)),
                    top1(byPosition.get(Position.MIDDLE)),
                    top1(byPosition.get(Position.END)),
                    top1(all.stream().mapToInt(i -> i).toArray()),
                    mrr(all));
        }
        if (capacity == MODEL_WINDOW) {
            double first = mrr(ranks.get(Aggregation.FIRST_WINDOW));
            double mean = mrr(ranks.get(Aggregation.MEAN));
            double bestChunk = mrr(ranks.get(Aggregation.MAX_SIM));
            assertTrue(
                    mean > first + 0.05,
                    "the stored mean must beat truncation to the first window: " + mean + " vs " + first);
            assertTrue(bestChunk > mean + 0.05, "best-chunk scoring must beat the mean: " + bestChunk + " vs " + mean);
            assertEquals(engine.windowCapacity(TextKind.QUERY), capacity);
        }
    }

    private static List<float[]> encodeWindows(TokenizedText tokens, List<TokenRange> ranges) {
        List<float[]> windows = new ArrayList<>();
        for (TokenRange range : ranges) {
            long[] ids = engine.tokenizer().window(TextKind.QUERY, tokens, range.from(), range.to());
            windows.add(engine.encoder().encode(List.of(ids))[0]);
        }
        return windows;
    }

    private static String cv(int job, Position position) {
        List<String> neutral = new ArrayList<>(NEUTRAL);
        Collections.shuffle(neutral, new Random(job * 31L + position.ordinal()));
        String key = KEY_PARAGRAPHS.get(job);
        int at = switch (position) {
            case START -> 0;
            case MIDDLE -> neutral.size() / 2;
            case END -> neutral.size();
        };
        neutral.add(at, "\nCurrent and past work\n" + key + "\n");
        return "Curriculum vitae\n" + String.join(" ", neutral);
    }

    private static double[] score(
            Aggregation aggregation, List<float[]> windows, List<TokenRange> ranges, List<float[]> offers) {
        double[] scores = new double[offers.size()];
        float[] single = switch (aggregation) {
            case FIRST_WINDOW -> windows.getFirst();
            case MEAN -> weightedMean(windows, ranges, false);
            case TOKEN_WEIGHTED_MEAN -> weightedMean(windows, ranges, true);
            case MAX_SIM -> null;
        };
        for (int o = 0; o < offers.size(); o++) {
            if (single != null) {
                scores[o] = Vectors.dot(single, offers.get(o));
            } else {
                double max = -1;
                for (float[] window : windows) {
                    max = Math.max(max, Vectors.dot(window, offers.get(o)));
                }
                scores[o] = max;
            }
        }
        return scores;
    }

    private static float[] weightedMean(List<float[]> windows, List<TokenRange> ranges, boolean byTokens) {
        float[] sum = new float[windows.getFirst().length];
        for (int w = 0; w < windows.size(); w++) {
            float weight = byTokens ? ranges.get(w).length() : 1;
            for (int i = 0; i < sum.length; i++) {
                sum[i] += weight * windows.get(w)[i];
            }
        }
        Vectors.normalise(sum);
        return sum;
    }

    private static int rankOf(int expected, double[] scores) {
        int rank = 1;
        for (int o = 0; o < scores.length; o++) {
            if (o != expected && scores[o] >= scores[expected]) {
                rank++;
            }
        }
        return rank;
    }

    private static String top1(int[] ranks) {
        int hits = 0;
        for (int rank : ranks) {
            hits += rank == 1 ? 1 : 0;
        }
        return hits + "/" + ranks.length;
    }

    private static double mrr(Map<Position, int[]> byPosition) {
        List<Integer> all = new ArrayList<>();
        byPosition.values().forEach(r -> {
            for (int rank : r) {
                all.add(rank);
            }
        });
        return mrr(all);
    }

    private static double mrr(List<Integer> ranks) {
        return ranks.stream().mapToDouble(rank -> 1.0 / rank).average().orElse(0);
    }
}
