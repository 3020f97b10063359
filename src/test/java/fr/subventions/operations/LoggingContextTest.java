package fr.subventions.operations;

import static fr.subventions.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.SessionService;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import fr.subventions.support.SeedRequests;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The console's log lines carry the request's reference, or the séance's id, whoever logs them: the framework while
 * serving a URL about the request, or the engine running its process, from an HTTP request or from a job.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class LoggingContextTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    LoggingSystem logging;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    SessionService sessions;
    @Autowired
    Scenarios scenarios;

    @Test
    void everyLineOfAnHttpRequestAboutARequestCarriesItsReference(CapturedOutput output) throws Exception {
        String reference = requests.submit(SeedRequests.ofNumerique(2025), Scenarios.APPLICANT, null).request().reference();
        // Spring Security's and Spring MVC's own lines about the request, which know nothing of references
        List<String> loggers = List.of("org.springframework.security.web.FilterChainProxy",
                "org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor");
        loggers.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
        try {
            assertThat(mvc.perform(get("/api/requests/" + reference).with(as("demandeur")))
                    .andReturn().getResponse().getStatus()).isEqualTo(200);
        } finally {
            loggers.forEach(logger -> logging.setLogLevel(logger, null));
        }
        assertThat(linesOf(output, "Secured GET /api/requests/" + reference))
                .isNotEmpty().allMatch(line -> line.contains("[" + reference + "] "));
        assertThat(linesOf(output, "RequestResponseBodyMethodProcessor"))
                .anyMatch(line -> line.contains("Writing [RequestView"))
                .allMatch(line -> line.contains("[" + reference + "] "));
        assertThat(MDC.get("reference")).isNull();
    }

    @Test
    void theEngineLogsTheReferenceOfTheProcessItRunsOverHttpAndInItsJobs(CapturedOutput output) throws Exception {
        MockHttpServletResponse filed = mvc.perform(post("/api/requests").with(as("demandeur"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(SeedRequests.ofNumerique(2025))))
                .andReturn().getResponse();
        assertThat(filed.getStatus()).as(filed.getContentAsString()).isEqualTo(201);
        String reference = json.readTree(filed.getContentAsString()).get("reference").asText();
        // POST /api/requests names no reference: the process's start gives it
        assertThat(linesOf(output, "Process subsidy-request started"))
                .anyMatch(line -> line.contains("[" + reference + "] "));

        // The acknowledgement's job, in the document-production instance the request started under its reference, run
        // here as the job executor would, outside any HTTP request
        String plugin = ProcessLoggingPlugin.class.getName();
        logging.setLogLevel(plugin, LogLevel.DEBUG);
        try {
            scenarios.fileDocumentsOf(reference);
        } finally {
            logging.setLogLevel(plugin, null);
        }
        assertThat(linesOf(output, "Activity Task_ProduceDocument started"))
                .anyMatch(line -> line.contains("[" + reference + "] "));
        assertThat(linesOf(output, "Process document-production ended"))
                .anyMatch(line -> line.contains("[" + reference + "] "));
        // Put back as it was after each engine command
        assertThat(MDC.get("reference")).isNull();
        assertThat(MDC.get("session")).isNull();
    }

    @Test
    void aSéancesProcessCarriesTheSéancesId(CapturedOutput output) {
        AssemblySession session = sessions.create(new CreateSession(AssemblyBody.BUREAU, LocalDate.of(2025, 11, 20),
                "Salle du Conseil, 40 avenue du Drapeau, Dijon", scenarios.bureauMember("REBSAMEN").id(),
                scenarios.bureauMember("HOAREAU").id(), LocalDate.of(2025, 11, 12)));
        assertThat(linesOf(output, "Process bureau-session started"))
                .anyMatch(line -> line.contains("[séance " + session.id() + "] ") && !line.contains("[SUB-"));
        assertThat(MDC.get("session")).isNull();
    }

    private static List<String> linesOf(CapturedOutput output, String containing) {
        return Arrays.stream(output.getOut().split("\\R")).filter(line -> line.contains(containing)).toList();
    }
}
