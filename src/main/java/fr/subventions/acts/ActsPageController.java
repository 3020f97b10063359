package fr.subventions.acts;

import fr.subventions.shared.Texts;
import fr.subventions.submission.RequestDocument;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The authority's acts online (CGCT L2131-1, R2131-1): the list, newest first, searched by year, number and words of
 * the object; each act's signed PDF/A; an Atom feed. Public: no login.
 */
@Controller
class ActsPageController {

    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z_]{1,15}");
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The search's fields as the error summary names them. */
    private static final Map<String, String> LABELS = Map.of("annee", "Année", "numero", "Numéro", "mots",
            "Mots de l'objet", "page", "Page");

    private final PublishedActs published;
    private final Clock clock;
    private final String authority;

    ActsPageController(PublishedActs published, Clock clock,
            @Value("${subventions.authority.name}") String authority) {
        this.published = published;
        this.clock = clock;
        this.authority = authority;
    }

    @GetMapping("/actes")
    String list(@RequestParam(defaultValue = "") String annee, @RequestParam(defaultValue = "") String numero,
            @RequestParam(defaultValue = "") String mots, @RequestParam(defaultValue = "0") String page, Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer year = null;
        if (!annee.isBlank()) {
            try {
                year = Integer.valueOf(annee.strip());
                if (year < 2000 || year > 2100) {
                    errors.put("annee", "Indiquez une année entre 2000 et 2100.");
                }
            } catch (NumberFormatException e) {
                errors.put("annee", "Indiquez une année en chiffres, par exemple 2023.");
            }
        }
        if (!numero.isBlank() && !NUMBER.matcher(numero.strip()).matches()) {
            errors.put("numero", "Un numéro d'acte compte au plus 15 lettres, chiffres ou « _ », par exemple B2023_0001.");
        }
        if (mots.length() > 100) {
            errors.put("mots", "Au plus 100 caractères.");
        } else if (!Texts.isClean(mots)) {
            errors.put("mots", Texts.message(Texts.forbidden(mots)));
        }
        int pageNumber = 0;
        try {
            pageNumber = Math.max(0, Math.min(10_000, Integer.parseInt(page)));
        } catch (NumberFormatException e) {
            errors.put("page", "Page invalide.");
        }
        if (!errors.isEmpty()) {
            // the search refused: the page says why under each field, and answers 400 as every refused form does
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        List<Act> acts = errors.isEmpty() ? published.search(year, numero, mots, pageNumber) : List.of();
        model.addAttribute("authorityName", authority);
        model.addAttribute("errors", errors);
        model.addAttribute("labels", LABELS);
        model.addAttribute("annee", annee);
        model.addAttribute("numero", numero);
        model.addAttribute("mots", mots);
        model.addAttribute("page", pageNumber);
        model.addAttribute("hasNext", acts.size() > PublishedActs.PAGE_SIZE);
        model.addAttribute("acts", acts.stream().limit(PublishedActs.PAGE_SIZE).toList());
        return "actes/liste";
    }

    /** The signed PDF/A, as published: shown in the browser, its digest in a header. */
    @GetMapping("/actes/{number}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        RequestDocument document = published.pdf(number);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noCache())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(document.filename(), StandardCharsets.UTF_8).build().toString())
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(document.sha256())))
                .body(document.content());
    }

    /** The newest acts as an Atom feed (RFC 4287). */
    @GetMapping(value = "/actes/flux.atom", produces = "application/atom+xml")
    ResponseEntity<byte[]> feed() throws XMLStreamException {
        List<Act> acts = published.search(null, null, null, 0).stream().limit(PublishedActs.PAGE_SIZE).toList();
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "title", "Actes publiés – " + authority);
        element(xml, "id", base + "/actes");
        element(xml, "updated", acts.isEmpty() ? LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime().toString()
                : acts.get(0).publishedAt().atZone(clock.getZone()).toOffsetDateTime().toString());
        link(xml, base + "/actes/flux.atom", "self", null);
        link(xml, base + "/actes", "alternate", "text/html");
        for (Act act : acts) {
            xml.writeStartElement("entry");
            element(xml, "title", act.kind().label() + " n° " + act.number() + " – " + act.object());
            element(xml, "id", base + "/actes/" + act.number() + ".pdf");
            element(xml, "updated", act.publishedAt().atZone(clock.getZone()).toOffsetDateTime().toString());
            link(xml, base + "/actes/" + act.number() + ".pdf", "alternate", MediaType.APPLICATION_PDF_VALUE);
            element(xml, "summary", act.assembly() + ", séance du " + act.decidedOn()
                    + (act.outcome() == null ? "" : " – " + act.outcome().label()));
            xml.writeStartElement("author");
            element(xml, "name", act.assembly());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(out.toByteArray());
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String href, String rel, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("href", href);
        xml.writeAttribute("rel", rel);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
    }
}
