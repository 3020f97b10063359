package fr.subventions.documents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.subventions.bureau.Agenda;
import fr.subventions.bureau.AssemblyBody;
import fr.subventions.bureau.AssemblySession;
import fr.subventions.bureau.Attendance;
import fr.subventions.bureau.AttendanceSheet;
import fr.subventions.bureau.CastVote;
import fr.subventions.bureau.Choice;
import fr.subventions.bureau.Civility;
import fr.subventions.bureau.CreateSession;
import fr.subventions.bureau.Member;
import fr.subventions.bureau.MemberRepository;
import fr.subventions.bureau.Roll;
import fr.subventions.bureau.SessionService;
import fr.subventions.bureau.Voting;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentType;
import fr.subventions.submission.RequestDocument;
import fr.subventions.submission.SubsidyRequest;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.support.ApplicationTest;
import fr.subventions.support.Scenarios;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A Council séance's extract says "Conseil métropolitain" and "Le Conseil", and names who took no part in the vote. */
@ApplicationTest
class CouncilExtractTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    MemberRepository members;
    @Autowired
    SessionService sessions;
    @Autowired
    Agenda agenda;
    @Autowired
    Attendance attendance;
    @Autowired
    Voting voting;
    @Autowired
    SubsidyRequestService requests;
    @Autowired
    DocumentService documents;
    @Autowired
    Scenarios scenarios;

    @Test
    void councilExtractNamesTheCouncilAndTheMembersTakingNoPart() throws Exception {
        BpmnAwareTests.init(engine);
        List<Member> council = List.of(
                members.save(new Member(AssemblyBody.CONSEIL, Civility.MONSIEUR, "François", "REBSAMEN", LocalDate.of(2020, 7, 16))),
                members.save(new Member(AssemblyBody.CONSEIL, Civility.MADAME, "Nathalie", "KOENDERS", LocalDate.of(2020, 7, 16))),
                members.save(new Member(AssemblyBody.CONSEIL, Civility.MONSIEUR, "Pierre", "PRIBETICH", LocalDate.of(2020, 7, 16))),
                members.save(new Member(AssemblyBody.CONSEIL, Civility.MADAME, "Océane", "GODARD", LocalDate.of(2020, 7, 16))),
                members.save(new Member(AssemblyBody.CONSEIL, Civility.MONSIEUR, "Denis", "HAMEAU", LocalDate.of(2020, 7, 16))));
        SubsidyRequest request = scenarios.instructedRequest(2025, "2025-65-65748-90-DEVECO");
        AssemblySession session = sessions.create(new CreateSession(AssemblyBody.CONSEIL, LocalDate.of(2025, 6, 30),
                "Salle du Conseil", council.get(0).id(), council.get(1).id(), LocalDate.of(2025, 6, 20)));
        agenda.addToAgenda(session.id(), List.of(request.reference()), "secretariat");
        sessions.convene(session.id(), "secretariat");
        String process = scenarios.processOf(SessionService.businessKey(session.id()));
        scenarios.fileDocuments(process);
        attendance.recordAttendance(session.id(), AttendanceSheet.of(council.subList(0, 4).stream().map(Member::id).toList(),
                List.of(council.get(4).id()), List.of(new Roll.Proxy(council.get(4).id(), council.get(3).id()))),
                "secretariat");
        // the member on the applicant's board stands aside (L2131-11)
        voting.vote(session.id(), request.reference(),
                CastVote.marking(Map.of(Choice.NOT_PARTICIPATING, List.of(council.get(2).id()))), "secretariat");
        scenarios.fileDocuments(process);

        RequestDocument extract = documents.list(requests.byId(request.id())).stream()
                .filter(d -> d.type() == DocumentType.DELIBERATION_EXTRACT).findFirst().orElseThrow();
        List<String> lines = DeliberationExtractTest.lines(documents.get(extract.id(), scenarios.staff()).content());
        assertThat(lines).containsSubsequence("du Conseil métropolitain de Dijon métropole",
                "Séance du lundi 30 juin 2025", "Nombre de membres du Conseil métropolitain : 5",
                "Nombre de présents participant au vote : 3", "Nombre de procurations : 1",
                "Monsieur Denis HAMEAU pouvoir à Madame Océane GODARD", "Membres ne prenant pas part au vote :",
                "Monsieur Pierre PRIBETICH", "Le Conseil,", "SCRUTIN POUR : 4 ABSTENTION : 0", "DONT 1 PROCURATION(S)");
        assertThat(lines).noneMatch(line -> line.contains("Bureau"));
    }
}
