package io.jobmatch.embeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic job-market texts for benchmarks and tests: the same seed gives the same text on every JVM
 * ({@link Random} is specified bit for bit). English, because the offline model is.
 */
public final class SyntheticCorpus {

    private static final String[] ROLES = {
        "Java developer",
        "registered nurse",
        "truck driver",
        "accountant",
        "line cook",
        "electrician",
        "primary school teacher",
        "sales representative",
        "data analyst",
        "forklift operator",
        "carpenter",
        "dental assistant",
        "project manager",
        "customer service agent",
        "mechanical engineer",
        "pharmacist",
        "graphic designer",
        "warehouse supervisor",
        "HR officer",
        "plumber"
    };
    private static final String[] SKILLS = {
        "SQL",
        "Kubernetes",
        "patient care",
        "route planning",
        "payroll",
        "food safety",
        "PLC maintenance",
        "classroom management",
        "negotiation",
        "Python",
        "inventory control",
        "joinery",
        "sterilisation",
        "budgeting",
        "conflict resolution",
        "CAD drawings",
        "drug interactions",
        "Adobe Illustrator",
        "recruitment",
        "pipe fitting",
        "Excel",
        "team leadership",
        "scheduling",
        "quality audits"
    };
    private static final String[] CITIES = {
        "Lyon",
        "Hamburg",
        "Madrid",
        "Turin",
        "Utrecht",
        "Krakow",
        "Porto",
        "Manchester",
        "Lille",
        "Munich",
        "Valencia",
        "Bologna"
    };
    private static final String[] COMPANIES = {
        "Northwind Logistics",
        "Acme Health",
        "Bluebird Foods",
        "Contoso Energy",
        "Globex Retail",
        "Initech Software",
        "Umbrella Clinics",
        "Stark Building",
        "Wayne Transport",
        "Hooli Analytics"
    };
    private static final String[] DUTIES = {
        "coordinated daily work with a team of %d colleagues",
        "trained %d new starters on procedures and safety rules",
        "reduced waiting times by %d percent",
        "handled about %d customer requests a week",
        "prepared monthly reports for %d managers",
        "kept equipment running across %d sites",
        "planned rotas for %d staff",
        "audited %d suppliers every year"
    };
    private static final String[] QUALITIES = {
        "reliable and punctual",
        "calm under pressure",
        "careful with details",
        "comfortable with new tools",
        "a clear communicator",
        "used to shift work",
        "keen to keep learning"
    };
    private static final String[] CONTRACTS = {
        "permanent contract",
        "fixed-term contract of twelve months",
        "part-time position",
        "full-time position with night shifts",
        "temporary assignment"
    };

    private SyntheticCorpus() {}

    /** A job title of two to five words, as typed in a search box. */
    public static String title(long seed) {
        Random random = new Random(seed);
        String seniority = pick(random, new String[] {"Senior", "Junior", "Lead", "Experienced", "Trainee"});
        return random.nextBoolean()
                ? seniority + " " + pick(random, ROLES)
                : pick(random, ROLES) + " " + pick(random, CITIES);
    }

    /** A job offer of roughly 80 to 150 words. */
    public static String offer(long seed) {
        Random random = new Random(seed);
        String role = pick(random, ROLES);
        StringBuilder text = new StringBuilder()
                .append(pick(random, COMPANIES))
                .append(" is hiring a ")
                .append(role)
                .append(" in ")
                .append(pick(random, CITIES))
                .append(" on a ")
                .append(pick(random, CONTRACTS))
                .append(".\n");
        int duties = 3 + random.nextInt(3);
        for (int i = 0; i < duties; i++) {
            text.append("You will ")
                    .append(duty(random))
                    .append(" and use ")
                    .append(pick(random, SKILLS))
                    .append(" every week.\n");
        }
        text.append("We expect ")
                .append(2 + random.nextInt(8))
                .append(" years of experience, good ")
                .append(pick(random, SKILLS))
                .append(" and a candidate who is ")
                .append(pick(random, QUALITIES))
                .append(". Salary depends on experience; apply with your CV.");
        return text.toString();
    }

    /** A CV of exactly {@code words} words: profile, jobs with duties, skills, education, interests. */
    public static String cv(long seed, int words) {
        Random random = new Random(seed);
        List<String> sentences = new ArrayList<>();
        sentences.add("Profile\n" + "I am a " + pick(random, ROLES) + " based in " + pick(random, CITIES) + ", "
                + pick(random, QUALITIES) + " and " + pick(random, QUALITIES) + ".");
        int count = countWords(sentences);
        while (count < words) {
            String sentence = switch (random.nextInt(6)) {
                case 0 ->
                    "\nExperience\n" + (2005 + random.nextInt(18)) + " to " + (2010 + random.nextInt(15)) + ": "
                            + pick(random, ROLES) + " at " + pick(random, COMPANIES) + ", " + pick(random, CITIES)
                            + ".";
                case 1, 2 -> "In this role I " + duty(random) + " and relied on " + pick(random, SKILLS) + ".";
                case 3 ->
                    "Skills: " + pick(random, SKILLS) + ", " + pick(random, SKILLS) + " and " + pick(random, SKILLS)
                            + ", used daily.";
                case 4 ->
                    "Colleagues describe me as " + pick(random, QUALITIES) + ", which helped when I " + duty(random)
                            + ".";
                default ->
                    "Outside work I enjoy hiking, reading history and volunteering at a local "
                            + pick(random, new String[] {"food bank", "sports club", "library", "animal shelter"})
                            + ".";
            };
            sentences.add(sentence);
            count += countWords(List.of(sentence));
        }
        return trimToWords(String.join(" ", sentences), words);
    }

    /**
     * A mixed corpus: 40% titles, 40% offers, 20% CVs of {@code cvWords} words, interleaved so any prefix of the
     * list keeps the mix.
     */
    public static List<String> mixed(int texts, int cvWords) {
        List<String> corpus = new ArrayList<>(texts);
        for (int i = 0; i < texts; i++) {
            corpus.add(
                    switch (i % 5) {
                        case 0, 1 -> title(i);
                        case 2, 3 -> offer(i);
                        default -> cv(i, cvWords);
                    });
        }
        return corpus;
    }

    private static String duty(Random random) {
        return pick(random, DUTIES).formatted(2 + random.nextInt(30));
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static int countWords(List<String> sentences) {
        int count = 0;
        for (String sentence : sentences) {
            count += sentence.strip().split("\\s+").length;
        }
        return count;
    }

    /** Cuts after the {@code words}-th word, keeping line breaks, and closes the last sentence. */
    private static String trimToWords(String text, int words) {
        int seen = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = !Character.isWhitespace(text.charAt(i));
            if (letter && !inWord && ++seen > words) {
                String cut = text.substring(0, i).stripTrailing();
                return cut.endsWith(".") ? cut : cut + ".";
            }
            inWord = letter;
        }
        return text;
    }
}
