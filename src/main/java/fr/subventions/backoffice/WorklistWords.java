package fr.subventions.backoffice;

import fr.subventions.submission.RequestSubmitted;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search's words: those of a request's applicant name, title and reference, each folded to lower-case ASCII
 * (« Numérique » is « numerique », « Œuvre » « oeuvre »), short French function words left out. Written in the filing's
 * transaction when a request is submitted ({@link RequestSubmitted}); the requests filed before the back office got
 * theirs when the application starts. A search term finds the words it starts: an index range, however many requests.
 */
@Component
public class WorklistWords {

    static final int MAX_LENGTH = 40;
    private static final Logger LOG = LoggerFactory.getLogger(WorklistWords.class);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    /** Words too common to tell requests apart, dropped from what is written and from what is searched. */
    private static final Set<String> STOP_WORDS = Set.of("au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "en",
            "et", "la", "le", "les", "leur", "leurs", "ou", "par", "pour", "que", "qui", "sa", "ses", "son", "sur", "un",
            "une");
    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    WorklistWords(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** The words a request is found by: its applicant's name, its title, its reference's year and number. */
    public static List<String> of(String reference, String applicantName, String title) {
        Set<String> words = new LinkedHashSet<>();
        words.addAll(terms(applicantName));
        words.addAll(terms(title));
        for (String part : reference.split("-")) {
            if (!part.equalsIgnoreCase("SUB")) {
                words.addAll(terms(part));
            }
        }
        return List.copyOf(words);
    }

    /** What a piece of text is searched by: its folded words, function words aside. */
    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        for (String word : SEPARATORS.split(fold(text))) {
            if (word.isEmpty() || STOP_WORDS.contains(word) || (word.length() < 2 && !Character.isDigit(word.charAt(0)))) {
                continue;
            }
            String kept = word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word;
            if (!terms.contains(kept)) {
                terms.add(kept);
            }
        }
        return terms;
    }

    /** Lower case, accents and ligatures undone: what both the words and the search are compared as. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** In the filing's transaction: the request is searchable as soon as it exists. */
    @EventListener
    void index(RequestSubmitted submitted) {
        write(submitted.requestId(), of(submitted.reference(), submitted.applicantName(), submitted.title()));
    }

    /**
     * The requests filed before the worklist existed (a database upgraded to V10), a thousand at a time in the order of
     * their ids. A request is written with its words in one transaction, so one without any is one of those.
     */
    @EventListener(ApplicationReadyEvent.class)
    void indexEarlierRequests() {
        long after = 0;
        int indexed = 0;
        while (true) {
            List<Object[]> requests = jdbc.query("select r.id, r.reference, r.applicant_name, r.title from subsidy_request r"
                    + " where r.id > ? and not exists (select 1 from worklist_word w where w.request_id = r.id)"
                    + " order by r.id limit " + BATCH,
                    (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)}, after);
            if (requests.isEmpty()) {
                break;
            }
            transactions.executeWithoutResult(status -> requests.forEach(r ->
                    write((Long) r[0], of((String) r[1], (String) r[2], (String) r[3]))));
            after = (Long) requests.get(requests.size() - 1)[0];
            indexed += requests.size();
        }
        if (indexed > 0) {
            LOG.info("Search words written for {} requests filed before the worklist", indexed);
        }
    }

    private void write(Long requestId, List<String> words) {
        jdbc.batchUpdate("insert into worklist_word (request_id, word) values (?, ?)", words, words.size(),
                (statement, word) -> {
                    statement.setLong(1, requestId);
                    statement.setString(2, word);
                });
    }
}
