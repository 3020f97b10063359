package fr.subventions.bureau;

import fr.subventions.budget.AgendaCredits;
import fr.subventions.shared.Caller;
import fr.subventions.shared.FieldError;
import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.StageConflictException;
import fr.subventions.submission.DocumentService;
import fr.subventions.submission.DocumentView;
import fr.subventions.submission.Downloads;
import fr.subventions.submission.RequestStatus;
import fr.subventions.submission.SubsidyRequestService;
import fr.subventions.workflow.FormFields;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's séance page: create a séance, build its agenda from instructed requests, send the convocation,
 * record attendance with proxies (one click per member, quorum shown live), vote or adjourn each item, close.
 */
@Controller
class SessionPageController {

    private final SessionService sessions;
    private final SessionReadModels views;
    private final Agenda agenda;
    private final Attendance attendance;
    private final Voting voting;
    private final Reconvening reconvening;
    private final MemberService members;
    private final SubsidyRequestService requests;
    private final DocumentService documents;
    private final AgendaCredits credits;

    SessionPageController(SessionService sessions, SessionReadModels views, Agenda agenda, Attendance attendance,
            Voting voting, Reconvening reconvening, MemberService members, SubsidyRequestService requests,
            DocumentService documents, AgendaCredits credits) {
        this.credits = credits;
        this.sessions = sessions;
        this.views = views;
        this.agenda = agenda;
        this.attendance = attendance;
        this.voting = voting;
        this.reconvening = reconvening;
        this.members = members;
        this.requests = requests;
        this.documents = documents;
    }

    @GetMapping("/seances")
    String list(Model model) {
        model.addAttribute("sessions", views.all());
        model.addAttribute("members", members.inOfficeOn(AssemblyBody.BUREAU, LocalDate.now()));
        model.addAttribute("today", LocalDate.now());
        return "seances/liste";
    }

    @PostMapping("/seances")
    String create(@RequestParam String body, @RequestParam String date, @RequestParam String place,
            @RequestParam Long presidentId, @RequestParam Long secretaryId, @RequestParam String convocationSentOn,
            @RequestParam(defaultValue = "") String urgencyReason, RedirectAttributes redirect) {
        try {
            AssemblySession session = sessions.create(new CreateSession(AssemblyBody.valueOf(body), date(date, "date"), place,
                    presidentId, secretaryId, date(convocationSentOn, "convocationSentOn"), urgencyReason));
            redirect.addFlashAttribute("message", "Séance créée : composez son ordre du jour.");
            return "redirect:/seances/" + session.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("probleme", messages(e));
            return "redirect:/seances";
        }
    }

    @GetMapping("/seances/{id}")
    String session(@PathVariable Long id, Caller caller, Model model) {
        SessionPage page = views.page(id);
        model.addAttribute("page", page);
        model.addAttribute("candidates", requests.list(RequestStatus.AWAITING_AGENDA, caller));
        model.addAttribute("documents", documents.listForSession(id, caller).stream().map(DocumentView::of).toList());
        model.addAttribute("credits", credits.of(agenda.requestsOnAgenda(id)));
        return "seances/seance";
    }

    @PostMapping("/seances/{id}/ordre-du-jour")
    String agenda(@PathVariable Long id, @RequestParam(required = false) List<String> references, Caller caller,
            RedirectAttributes redirect) {
        return act(id, redirect, "Ordre du jour complété.",
                () -> agenda.addToAgenda(id, references == null ? List.of() : references, caller.username()));
    }

    @PostMapping("/seances/{id}/convocation")
    String convene(@PathVariable Long id, Caller caller, RedirectAttributes redirect) {
        return act(id, redirect, "Ordre du jour arrêté, convocation envoyée.", () -> sessions.convene(id, caller.username()));
    }

    /** One line per member: present (checked) or absent, and for an absent member the holder of their proxy. */
    @PostMapping("/seances/{id}/presences")
    String attendance(@PathVariable Long id, @RequestParam Map<String, String> form, Caller caller,
            RedirectAttributes redirect) {
        AssemblySession session = sessions.get(id);
        List<Member> inOffice = members.inOfficeOn(session.body(), session.sessionDate());
        return act(id, redirect, "Présences enregistrées.",
                () -> attendance.recordAttendance(id, sheet(inOffice, form), caller.username()));
    }

    private static AttendanceSheet sheet(List<Member> inOffice, Map<String, String> form) {
        List<Long> present = new ArrayList<>();
        List<Long> absent = new ArrayList<>();
        List<Roll.Proxy> proxies = new ArrayList<>();
        for (Member member : inOffice) {
            if (form.containsKey("present-" + member.id())) {
                present.add(member.id());
            } else {
                absent.add(member.id());
                String holder = form.get("pouvoir-" + member.id());
                if (holder != null && !holder.isBlank()) {
                    proxies.add(new Roll.Proxy(member.id(),
                            AttendanceSheet.id(holder, "proxies[" + proxies.size() + "].toId")));
                }
            }
        }
        return AttendanceSheet.of(present, absent, proxies);
    }

    /** Everyone present or represented votes for, unless marked otherwise on the item's line. */
    @PostMapping("/seances/{id}/points/{reference}/vote")
    String vote(@PathVariable Long id, @PathVariable String reference, @RequestParam Map<String, String> form,
            Caller caller, RedirectAttributes redirect) {
        String done = "ajourner".equals(form.get("action")) ? "Point " + reference + " ajourné." : "Vote du point " + reference + " enregistré.";
        return act(id, redirect, done, () -> voting.vote(id, reference, castVote(form), caller.username()));
    }

    /** The item's line: a choice per member ("choix-<id>"), the action, the amount voted ("montant"). */
    private static CastVote castVote(Map<String, String> form) {
        Map<Choice, List<String>> named = new EnumMap<>(Choice.class);
        form.forEach((name, value) -> {
            if (name.startsWith("choix-") && !value.equals("FOR")) {
                named.computeIfAbsent(switch (value) {
                    case "AGAINST" -> Choice.AGAINST;
                    case "ABSTENTION" -> Choice.ABSTENTION;
                    case "NOT_VOTING" -> Choice.NOT_VOTING;
                    default -> Choice.NOT_PARTICIPATING;
                }, k -> new ArrayList<>()).add(name.substring("choix-".length()));
            }
        });
        Map<Choice, List<Long>> marked = new EnumMap<>(Choice.class);
        named.forEach((choice, ids) -> marked.put(choice, AttendanceSheet.ids(ids, VotePolicy.fieldOf(choice))));
        return new CastVote(marked, "ajourner".equals(form.get("action")), null, FormFields.amount("amount", form.get("montant")));
    }

    /** Without quorum: the remaining items are adjourned and the assembly convened again, three days later at least. */
    @PostMapping("/seances/{id}/reconvocation")
    String reconvene(@PathVariable Long id, @RequestParam String date, @RequestParam String convocationSentOn,
            @RequestParam(defaultValue = "") String place, Caller caller, RedirectAttributes redirect) {
        try {
            AssemblySession next = reconvening.reconvene(id, new ConveneAgain(date(date, "date"), place,
                    date(convocationSentOn, "convocationSentOn"), null), caller.username());
            redirect.addFlashAttribute("message", "Assemblée convoquée à nouveau : les points restants sont inscrits à cette séance.");
            return "redirect:/seances/" + next.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("probleme", messages(e));
        } catch (StageConflictException | NotFoundException e) {
            redirect.addFlashAttribute("probleme", e.getMessage());
        }
        return "redirect:/seances/" + id;
    }

    @PostMapping("/seances/{id}/cloture")
    String close(@PathVariable Long id, Caller caller, RedirectAttributes redirect) {
        return act(id, redirect, "Séance close.", () -> sessions.requestClosing(id, caller.username()));
    }

    @GetMapping("/seances/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable Long documentId, Caller caller) {
        return Downloads.of(documents.get(documentId, caller));
    }

    private String act(Long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("probleme", messages(e));
        } catch (StageConflictException | NotFoundException e) {
            redirect.addFlashAttribute("probleme", e.getMessage());
        }
        return "redirect:/seances/" + id;
    }

    private static String messages(InvalidInputException e) {
        return String.join(" ; ", e.errors().stream().map(FieldError::message).toList());
    }

    private static LocalDate date(String text, String field) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "date invalide : " + text);
        }
    }
}
