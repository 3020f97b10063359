package fr.subventions.system;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.collaboration.InternalNotes;
import fr.subventions.consultation.OpinionQuestion;
import fr.subventions.consultation.OpinionService;
import fr.subventions.consultation.Recipient;
import fr.subventions.shared.Caller;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.DemoUsers;
import fr.subventions.support.MutableClock;
import fr.subventions.support.Refusals;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import fr.subventions.workflow.SubsidyPaymentProcess;
import fr.subventions.workflow.SubsidyRequestProcess;
import fr.subventions.workflow.TaskCompleter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The corpus of {@code src/test/resources/security/hostile-inputs.json}: malformed and hostile inputs across the API
 * and the pages — wrong types, missing and extra fields, huge strings and numbers, control and invisible characters,
 * markup and SQL where a format is expected, invalid SIRET and RNA, impossible dates, a reused idempotency key,
 * dangerous files. Each one is refused with a 4xx in French — problem+json naming the field for the API, the form
 * with its message for a page — and leaves the database as it was ({@link Refusals}).
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    static final String CORPUS = "/security/hostile-inputs.json";
    static final String LINE = "2025-65-65748-90-DEVECO";
    /** The séance that grants the requests waiting for their signatures, their imputation, their payment. */
    static final LocalDate GRANTING_CONVOCATION = LocalDate.of(2025, 10, 2);
    static final LocalDate GRANTING_SITTING = LocalDate.of(2025, 10, 9);
    static final int PROPOSED = 100;

    /** Reads the corpus keeping numbers as written (1e400 stays 1e400). */
    static final ObjectMapper CORPUS_READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    /** Writes bodies in ASCII, so that a lone surrogate or a NUL goes over the wire as the JSON escape a client sends. */
    static final ObjectMapper BODY_WRITER = JsonMapper.builder().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII).build();

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    SessionService sessions;
    @Autowired
    TaskCompleter tasks;
    @Autowired
    Scenarios scenarios;
    @Autowired
    Attendance attendance;
    @Autowired
    Voting voting;
    @Autowired
    Refusals refusals;
    @Autowired
    MutableClock clock;
    @Autowired
    InternalNotes notes;
    @Autowired
    OpinionService opinions;

    final Map<String, String> placeholders = new HashMap<>();
    Long member;
    Long member2;

    /** One input of the corpus, with what it is sent to. */
    record Case(String name, String group, JsonNode spec, JsonNode target, JsonNode base) {

        @Override
        public String toString() {
            return name;
        }
    }

    // ============================================================================================== the corpus

    static JsonNode corpus() {
        try (InputStream in = HostileInputTest.class.getResourceAsStream(CORPUS)) {
            return CORPUS_READER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> cases() {
        JsonNode corpus = corpus();
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode group : corpus.path("groups")) {
            JsonNode base = group.has("base") ? corpus.path("bases").path(group.path("base").asText()) : null;
            for (JsonNode spec : group.path("cases")) {
                String name = group.path("group").asText() + " — " + spec.path("id").asText();
                cases.add(Arguments.of(new Case(name, group.path("group").asText(), spec, group, base)));
            }
        }
        return cases.stream();
    }

    @Test
    void theCorpusHoldsAtLeastTwoHundredInputs() {
        List<String> names = cases().map(a -> a.get()[0].toString()).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(200).doesNotHaveDuplicates();
        assertThat(names).as("every family of input").anyMatch(n -> n.contains("NUL")).anyMatch(n -> n.contains("RTL"))
                .anyMatch(n -> n.contains("largeur nulle")).anyMatch(n -> n.contains("émoji")).anyMatch(n -> n.contains("script"))
                .anyMatch(n -> n.contains("SQL")).anyMatch(n -> n.contains("SIRET")).anyMatch(n -> n.contains("RNA"))
                .anyMatch(n -> n.contains("IBAN")).anyMatch(n -> n.contains("30 février")).anyMatch(n -> n.contains("idempotence"))
                .anyMatch(n -> n.contains("manque")).anyMatch(n -> n.contains("en trop")).anyMatch(n -> n.contains("100 000"))
                .anyMatch(n -> n.contains("bombe")).anyMatch(n -> n.contains("zip slip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedInFrenchAndChangesNothing(Case input) throws Exception {
        JsonNode spec = input.spec();
        int status = spec.path("status").asInt();
        assertThat(status).as("a 4xx is expected of every input").isBetween(400, 499);
        String as = text(spec, input.target(), "as");
        if (input.target().path("page").asBoolean()) {
            refusedPage(pageCall(input, as), status, fields(spec));
            return;
        }
        refusals.refused(apiCall(input, as), status, fields(spec).toArray(String[]::new));
    }

    /** A duplicate submission — the same request again with its Idempotency-Key — files nothing more. */
    @Test
    void aRetryWithTheSameKeyFilesNothingMore() throws Exception {
        JsonNode request = corpus().path("bases").path("request");
        MockHttpServletRequestBuilder first = post("/api/requests").with(as("demandeur"))
                .header("Idempotency-Key", "corpus-rejeu").contentType(MediaType.APPLICATION_JSON)
                .content(BODY_WRITER.writeValueAsString(request));
        MockHttpServletResponse filed = mvc.perform(first).andReturn().getResponse();
        assertThat(filed.getStatus()).as(filed.getContentAsString()).isEqualTo(201);
        Map<String, Object> before = refusals.fingerprint();
        for (int retry = 0; retry < 3; retry++) {
            MockHttpServletResponse again = mvc.perform(post("/api/requests").with(as("demandeur"))
                    .header("Idempotency-Key", "corpus-rejeu").contentType(MediaType.APPLICATION_JSON)
                    .content(BODY_WRITER.writeValueAsString(request))).andReturn().getResponse();
            assertThat(again.getStatus()).isEqualTo(200);
            assertThat(again.getHeader(HttpHeaders.LOCATION)).isEqualTo(filed.getHeader(HttpHeaders.LOCATION));
        }
        assertThat(Refusals.changes(before, refusals.fingerprint())).as("what the retries changed").isEmpty();
    }

    // ============================================================================================== fixtures

    @BeforeAll
    void fixtures() throws Exception {
        clock.reset();
        DemoUsers.ensure(identity, "demandeur2", "", "", Caller.APPLICANTS);
        member = scenarios.bureauMember("TENENBAUM").id();
        member2 = scenarios.bureauMember("MASSON").id();
        SubsidyRequest submitted = submitted();
        SubsidyRequest inInstruction = inInstruction();
        List<SubsidyRequest> granted = grantedInASeance(4);
        SubsidyRequest awaitingSignatures = granted.get(0);
        SubsidyRequest awaitingImputation = granted.get(1);
        complete(awaitingImputation, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                Map.of("signedBy", "Marie Dupont", "signedOn", today()), "demandeur");
        complete(awaitingImputation, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                Map.of("signedBy", "François Rebsamen", "signedOn", today()), "secretariat");
        expect(awaitingImputation, RequestStatus.AWAITING_IMPUTATION);
        SubsidyRequest awaitingPresident = granted.get(2);
        complete(awaitingPresident, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                Map.of("signedBy", "Marie Dupont", "signedOn", today()), "demandeur");
        SubsidyRequest awaitingPayment = granted.get(3);
        complete(awaitingPayment, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_SIGN_AS_BENEFICIARY,
                Map.of("signedBy", "Marie Dupont", "signedOn", today()), "demandeur");
        complete(awaitingPayment, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_SIGN_AS_PRESIDENT,
                Map.of("signedBy", "François Rebsamen", "signedOn", today()), "secretariat");
        complete(awaitingPayment, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_IMPUTE_BUDGET,
                Map.of("lines", LINE + " = " + PROPOSED), "finances");
        scenarios.fileDocumentsOf(awaitingPayment.reference());
        assertThat(tasks.isWaitingAt(SubsidyPaymentProcess.KEY, awaitingPayment.reference(), SubsidyPaymentProcess.TASK_PAY_FIRST))
                .isTrue();
        // an idempotency key already used, for the input that reuses it for another request
        requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, "corpus-cle-1");
        placeholders.put("{submitted}", submitted.reference());
        placeholders.put("{inInstruction}", inInstruction.reference());
        placeholders.put("{awaitingSignatures}", awaitingSignatures.reference());
        placeholders.put("{awaitingImputation}", awaitingImputation.reference());
        placeholders.put("{awaitingPresident}", awaitingPresident.reference());
        placeholders.put("{awaitingPayment}", awaitingPayment.reference());
        placeholders.put("{withdrawable}", submitted().reference());
        // a withdrawn request, closed: its thread takes no message
        SubsidyRequest closed = submitted();
        requests.withdraw(closed.reference(), null, Scenarios.APPLICANT);
        placeholders.put("{closed}", closed.reference());
        // a note of the instructing officer's on the request filed, and another written two days ago, now frozen
        Caller officer = new Caller("instructeur", Set.of(Caller.OFFICERS));
        placeholders.put("{note}", notes.write(submitted.reference(), "Relancer le demandeur.", officer).id().toString());
        clock.set(LocalDate.now(clock).minusDays(2));
        placeholders.put("{frozenNote}", notes.write(submitted.reference(), "Note figée.", officer).id().toString());
        clock.reset();
        placeholders.put("{member}", member.toString());
        // an opinion awaited from the finance department, on the request in instruction
        placeholders.put("{opinion}", opinions.ask(inInstruction.reference(), new OpinionQuestion(
                List.of(new OpinionQuestion.Asked(Recipient.group(Caller.FINANCE), "group")), "group",
                "Le plan de financement est-il soutenable ?", LocalDate.now(clock).plusDays(10), false, List.of(), List.of()),
                new Caller("instructeur", Set.of(Caller.OFFICERS))).get(0).id().toString());
        placeholders.put("{session}", sessions.create(new CreateSession(AssemblyBody.BUREAU, LocalDate.of(2025, 10, 16),
                "Salle des séances", member, member2, LocalDate.of(2025, 10, 6))).id().toString());
    }

    private SubsidyRequest submitted() {
        SubsidyRequest request = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request();
        scenarios.fileDocumentsOf(request.reference());
        return expect(request, RequestStatus.SUBMITTED);
    }

    private SubsidyRequest inInstruction() {
        SubsidyRequest request = submitted();
        scenarios.fileRepublicanCommitment(request.reference());
        complete(request, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_CHECK_COMPLETENESS, Map.of("isComplete", true),
                "instructeur");
        return expect(request, RequestStatus.IN_INSTRUCTION);
    }

    /**
     * Requests instructed favourably, granted by the Bureau in one séance and made executory (CGCT L2131-1): their
     * extracts signed, sent to the prefecture and acknowledged, the séance's acts published. Their conventions wait
     * for the signatures.
     */
    private List<SubsidyRequest> grantedInASeance(int count) {
        List<SubsidyRequest> instructed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SubsidyRequest request = inInstruction();
            complete(request, SubsidyRequestProcess.KEY, SubsidyRequestProcess.TASK_INSTRUCT_REQUEST, Map.of("opinion",
                    "FAVORABLE", "proposedAmount", PROPOSED, "budgetLines", LINE + " = " + PROPOSED, "report",
                    "Rapport d'instruction."), "instructeur");
            scenarios.fileDocumentsOf(request.reference());
            instructed.add(request);
        }
        AssemblySession sitting = scenarios.convenedSession(GRANTING_CONVOCATION, GRANTING_SITTING,
                instructed.stream().map(SubsidyRequest::reference).toList());
        attendance.recordAttendance(sitting.id(), scenarios.seedSheet(), "secretariat");
        for (SubsidyRequest request : instructed) {
            voting.vote(sitting.id(), request.reference(), CastVote.unanimous(), "secretariat");
            scenarios.fileDocumentsOf(request.reference());
        }
        scenarios.fileDocumentsOf(SessionService.businessKey(sitting.id()));
        List<SubsidyRequest> granted = new ArrayList<>();
        for (SubsidyRequest request : instructed) {
            scenarios.makeExecutory(request.reference());
            granted.add(expect(request, RequestStatus.AWAITING_SIGNATURES));
        }
        return granted;
    }

    private void complete(SubsidyRequest request, String process, String task, Map<String, Object> fields, String actor) {
        tasks.complete(process, request.reference(), task, fields, actor, task);
    }

    private SubsidyRequest expect(SubsidyRequest request, RequestStatus status) {
        SubsidyRequest reloaded = requests.byId(request.id());
        assertThat(reloaded.status()).as("fixture %s", request.reference()).isEqualTo(status);
        return reloaded;
    }

    private String today() {
        return LocalDate.now(clock).toString();
    }

    // ============================================================================================== calls

    private MockHttpServletRequestBuilder apiCall(Case input, String as) throws Exception {
        JsonNode spec = input.spec();
        String path = path(spec.has("path") ? spec.path("path").asText() : input.target().path("path").asText());
        HttpMethod method = HttpMethod.valueOf(text(spec, input.target(), "method"));
        MockHttpServletRequestBuilder call;
        if (input.target().path("multipart").asBoolean()) {
            MockMultipartHttpServletRequestBuilder upload = multipart(method, path);
            for (MockMultipartFile file : files(input)) {
                upload.file(file);
            }
            if (input.target().has("fileField")) {
                // a message with its files: the form's other fields from the base, as the case sets them
                if (input.base() != null) {
                    body(input).fields().forEachRemaining(field -> upload.param(field.getKey(), field.getValue().asText()));
                }
            } else {
                upload.param("type", spec.has("type") ? spec.path("type").asText() : "RIB");
            }
            call = upload;
        } else {
            call = request(method, path);
            if (spec.has("raw")) {
                call.contentType(spec.has("contentType") ? MediaType.parseMediaType(spec.path("contentType").asText())
                        : MediaType.APPLICATION_JSON).content(raw(repeat(spec.path("raw").asText())));
            } else if (input.base() != null) {
                call.contentType(MediaType.APPLICATION_JSON).content(BODY_WRITER.writeValueAsString(body(input)));
            }
        }
        spec.path("headers").fields().forEachRemaining(h -> call.header(h.getKey(), value(h.getValue()).asText()));
        if (!as.equals("anonymous")) {
            call.with(as(as));
        }
        return call;
    }

    private MockHttpServletRequestBuilder pageCall(Case input, String as) throws Exception {
        MockHttpSession session = new MockHttpSession();
        if (!as.equals("anonymous")) {
            mvc.perform(post("/connexion").session(session).param("username", as).param("password", as)
                    .with(csrf()));
        }
        // a page's form at its address, or a page asked for at an address of its own (a GET's path variable)
        String path = input.spec().has("path") ? input.spec().path("path").asText() : input.target().path("path").asText();
        HttpMethod method = HttpMethod.valueOf(input.target().path("method").asText());
        MockHttpServletRequestBuilder call;
        if (input.target().path("multipart").asBoolean()) {
            // a page's upload form: the file, if the input has one
            MockMultipartHttpServletRequestBuilder upload = multipart(method, path(path));
            for (MockMultipartFile file : files(input)) {
                upload.file(file);
            }
            call = upload;
        } else {
            call = request(method, path(path));
        }
        call.session(session).with(csrf());
        if (input.base() != null) {
            // a field sent several times (the ticked lines of a list) is an array of the corpus
            body(input).fields().forEachRemaining(field -> call.param(field.getKey(), field.getValue().isArray()
                    ? StreamSupport.stream(field.getValue().spliterator(), false).map(JsonNode::asText)
                            .toArray(String[]::new) : new String[] {field.getValue().asText()}));
        }
        return call;
    }

    /** The page comes back with the status, its French message under the field, and nothing stored. */
    private void refusedPage(MockHttpServletRequestBuilder call, int status, List<String> fields) throws Exception {
        Map<String, Object> before = refusals.fingerprint();
        MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("status; redirected to %s", response.getRedirectedUrl()).isEqualTo(status);
        assertThat(page).contains("<html", "lang=\"fr\"", "role=\"alert\"");
        for (String field : fields) {
            // a field may name a fixture: the note corrected, « note-{note}-texte »
            assertThat(page).as("the message under %s", field).contains("id=\"err-" + path(field) + "\"");
        }
        assertThat(Refusals.FRENCH.matcher(page).find()).isTrue();
        assertThat(Refusals.changes(before, refusals.fingerprint())).as("what the refused page changed").isEmpty();
    }

    // ============================================================================================== bodies

    private JsonNode body(Case input) {
        JsonNode body = value(input.base().deepCopy());
        JsonNode spec = input.spec();
        if (input.target().path("page").asBoolean()) {
            // a page's form: flat field names, "applicant.siret" and "cofinancing[0].amount" included
            spec.path("remove").forEach(name -> ((ObjectNode) body).remove(name.asText()));
            spec.path("set").fields().forEachRemaining(f -> ((ObjectNode) body).set(f.getKey(), value(f.getValue())));
            return body;
        }
        for (JsonNode path : spec.path("remove")) {
            remove(body, path.asText());
        }
        Iterator<Map.Entry<String, JsonNode>> set = spec.path("set").fields();
        while (set.hasNext()) {
            Map.Entry<String, JsonNode> field = set.next();
            put(body, field.getKey(), value(field.getValue()));
        }
        return body;
    }

    /** The generators of the corpus, in strings, resolved recursively. */
    private JsonNode value(JsonNode node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isObject()) {
            ObjectNode copy = nodes.objectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), value(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = nodes.arrayNode();
            node.forEach(item -> copy.add(value(item)));
            return copy;
        }
        if (!node.isTextual()) {
            return node;
        }
        String text = node.asText();
        Matcher number = Pattern.compile("^\\$number\\((.+)\\)$").matcher(text);
        if (number.matches()) {
            return number.group(1).contains(".") || number.group(1).toLowerCase().contains("e")
                    ? nodes.numberNode(new BigDecimal(number.group(1))) : nodes.numberNode(new BigInteger(number.group(1)));
        }
        Matcher yearPlus = Pattern.compile("^\\$yearPlus\\((\\d+)\\)$").matcher(text);
        if (yearPlus.matches()) {
            return nodes.numberNode(Year.now(clock).getValue() + Integer.parseInt(yearPlus.group(1)));
        }
        Matcher references = Pattern.compile("^\\$references\\((\\d+)\\)$").matcher(text);
        if (references.matches()) {
            ArrayNode many = nodes.arrayNode();
            for (int i = 1; i <= Integer.parseInt(references.group(1)); i++) {
                many.add("SUB-2099-" + i);
            }
            return many;
        }
        Matcher todayPlus = Pattern.compile("^\\$todayPlus\\((\\d+)\\)$").matcher(text);
        if (todayPlus.matches()) {
            return nodes.textNode(LocalDate.now(clock).plusDays(Integer.parseInt(todayPlus.group(1))).toString());
        }
        Matcher email = Pattern.compile("^\\$email\\((\\d+)\\)$").matcher(text);
        if (email.matches()) {
            String domain = "@exemple.fr";
            return nodes.textNode("a".repeat(Integer.parseInt(email.group(1)) - domain.length()) + domain);
        }
        return switch (text) {
            case "$today" -> nodes.textNode(today());
            case "$member" -> nodes.numberNode(member);
            case "$member2" -> nodes.numberNode(member2);
            default -> nodes.textNode(repeat(text));
        };
    }

    private static String repeat(String text) {
        Matcher repeat = Pattern.compile("\\$repeat\\((.),(\\d+)\\)").matcher(text);
        StringBuilder out = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(out, Matcher.quoteReplacement(repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))));
        }
        repeat.appendTail(out);
        return out.toString();
    }

    private static String raw(String text) {
        Matcher nest = Pattern.compile("^\\$nest\\((\\d+)\\)$").matcher(text);
        if (nest.matches()) {
            int depth = Integer.parseInt(nest.group(1));
            return "[".repeat(depth) + "]".repeat(depth);
        }
        return text;
    }

    private String path(String template) {
        String path = repeat(template);
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            path = path.replace(placeholder.getKey(), placeholder.getValue());
        }
        return path;
    }

    /** Sets a value at {@code applicant.siret} or {@code cofinancing[0].amount}, creating nothing on the way. */
    private static void put(JsonNode body, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode parent = body;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = step(parent, steps[i]);
        }
        String last = steps[steps.length - 1];
        Matcher indexed = Pattern.compile("^(\\w+)\\[(\\d+)]$").matcher(last);
        if (indexed.matches()) {
            ((ArrayNode) parent.path(indexed.group(1))).set(Integer.parseInt(indexed.group(2)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static void remove(JsonNode body, String path) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? body : step(body, path.substring(0, dot));
        ((ObjectNode) parent).remove(path.substring(dot + 1));
    }

    private static JsonNode step(JsonNode node, String step) {
        Matcher indexed = Pattern.compile("^(\\w+)\\[(\\d+)]$").matcher(step);
        return indexed.matches() ? node.path(indexed.group(1)).path(Integer.parseInt(indexed.group(2))) : node.path(step);
    }

    private static List<String> fields(JsonNode spec) {
        List<String> fields = new ArrayList<>();
        spec.path("fields").forEach(f -> fields.add(f.asText()));
        return fields;
    }

    private static String text(JsonNode spec, JsonNode target, String name) {
        return spec.has(name) ? spec.path(name).asText() : target.path(name).asText();
    }

    // ============================================================================================== files

    /**
     * The files of a case: {@code file}, or several in {@code files}, each under the target's {@code fileField}
     * ({@code file} by default; a message's are {@code files}).
     */
    private static List<MockMultipartFile> files(Case input) throws IOException {
        String field = input.target().path("fileField").asText("file");
        List<MockMultipartFile> files = new ArrayList<>();
        if (input.spec().has("file")) {
            files.add(file(input.spec().path("file").asText(), field));
        }
        for (JsonNode generator : input.spec().path("files")) {
            files.add(file(generator.asText(), field));
        }
        return files;
    }

    private static MockMultipartFile file(String generator, String field) throws IOException {
        Matcher file = Pattern.compile("^\\$file\\((\\w+),(.+)\\)$").matcher(generator);
        assertThat(file.matches()).as(generator).isTrue();
        String name = file.group(2);
        byte[] content = switch (file.group(1)) {
            case "pdf" -> Scenarios.PDF;
            case "exe" -> new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
            case "html" -> "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
            case "empty" -> new byte[0];
            case "bomb" -> zip(Map.of("[Content_Types].xml", new byte[10], name.endsWith(".xlsx") ? "xl/workbook.xml"
                    : "word/document.xml", new byte[50 * 1024 * 1024]));
            case "slip" -> zip(Map.of("[Content_Types].xml", new byte[10], name.endsWith(".xlsx") ? "xl/workbook.xml"
                    : "word/document.xml", new byte[10], "../../../../tmp/evil.sh", "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII)));
            case "zip" -> zip(Map.of("notes.txt", "texte".getBytes(StandardCharsets.UTF_8)));
            case "laughs" -> ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
                    + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                    + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
                    + "<r>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</r>").getBytes(StandardCharsets.UTF_8);
            case "bigxml" -> ("<?xml version=\"1.0\"?><r>" + "a".repeat(2 * 1024 * 1024) + "</r>")
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(generator);
        };
        return new MockMultipartFile(field, name, "application/octet-stream", content);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
