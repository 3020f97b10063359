package fr.subventions.acts;

import fr.subventions.bureau.SessionReadModels;
import fr.subventions.bureau.Tally;
import fr.subventions.shared.Csv;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.submission.VoteDecision;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The deliberations on subsidies, published in the SCDL "délibérations" format (open to everyone): once the prefecture
 * has acknowledged one, its {@code IDActe} (PREF_ID) and date of receipt (PREF_DATE); once it is online, the address of
 * its signed PDF/A on /actes (DELIB_URL).
 */
@RestController
class DeliberationsOpenData {

    static final String HEADER = "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,"
            + "BUDGET_ANNEE,BUDGET_NOM,PREF_ID,PREF_DATE,VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION,DELIB_URL";

    private final SessionReadModels views;
    private final ActRepository acts;
    private final String authority;
    private final String siret;

    DeliberationsOpenData(SessionReadModels views, ActRepository acts,
            @Value("${subventions.authority.name}") String authority, @Value("${subventions.authority.siret:}") String siret) {
        this.views = views;
        this.acts = acts;
        this.authority = authority;
        this.siret = siret;
    }

    @GetMapping("/api/opendata/deliberations.csv")
    ResponseEntity<byte[]> deliberations(@RequestParam int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "année invalide : " + year);
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String csv = Csv.document(HEADER, views.decidedItems(year).stream().map(item -> row(item, base)).toList());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("deliberations-subventions-" + year + ".csv").build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    private String row(SessionReadModels.DecidedItem item, String base) {
        Tally tally = item.tally();
        Optional<Act> act = acts.findByKindAndNumber(ActKind.DELIBERATION, item.number());
        String idActe = act.map(Act::idActe).orElse(null);
        String receivedOn = act.map(Act::receivedOn).map(LocalDate::toString).orElse("");
        String url = act.filter(a -> a.publishedAt() != null).map(a -> base + "/actes/" + a.number() + ".pdf").orElse("");
        int cast = tally.forCount() + tally.against() + tally.abstention() + tally.notVoting();
        String object = (item.decision() == VoteDecision.ADOPTED ? "Attribution" : "Refus") + " d'une subvention de "
                + item.amount().toPlainString() + " euros : " + item.title();
        return Stream.of(authority, siret, item.number(), item.date().toString(), "7.5", "Finances locales/Subventions",
                object, String.valueOf(item.fiscalYear()), "Budget principal", idActe == null ? "" : idActe, receivedOn,
                String.valueOf(item.inOffice()),
                String.valueOf(cast), String.valueOf(tally.forCount()), String.valueOf(tally.against()),
                String.valueOf(tally.abstention()), url).map(Csv::field).collect(Collectors.joining(","));
    }


    static List<String> header() {
        return List.of(HEADER.split(","));
    }
}
