package fr.subventions.bureau;

import fr.subventions.shared.Caller;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry of members and their mandates, the register of their interests and the register of written proxies;
 * kept by the secretariat.
 */
@RestController
@PreAuthorize("hasAuthority('secretariat')")
class MemberController {

    private final MemberService members;
    private final ProxyRegistry proxies;
    private final RegisterOfInterests register;

    MemberController(MemberService members, ProxyRegistry proxies, RegisterOfInterests register) {
        this.members = members;
        this.proxies = proxies;
        this.register = register;
    }

    /** The body's members; with {@code on}, only those in office that day. */
    @GetMapping("/api/members")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat', 'finances')")
    List<SessionView.MemberView> list(@RequestParam(defaultValue = "BUREAU") AssemblyBody body,
            @RequestParam(required = false) LocalDate on) {
        return members.list(body, on).stream().map(SessionView.MemberView::of).toList();
    }

    record NewMember(AssemblyBody body, Civility civility, String firstName, String lastName, LocalDate since) {
    }

    @PostMapping("/api/members")
    ResponseEntity<SessionView.MemberView> add(@RequestBody NewMember data) {
        Member member = members.add(data.body(), data.civility(), data.firstName(), data.lastName(), data.since());
        return ResponseEntity.created(URI.create("/api/members/" + member.id())).body(SessionView.MemberView.of(member));
    }

    record MandateStart(LocalDate since) {
    }

    @PostMapping("/api/members/{id}/mandates")
    SessionView.MemberView startMandate(@PathVariable Long id, @RequestBody MandateStart data) {
        return SessionView.MemberView.of(members.startMandate(id, data.since()));
    }

    record MandateEnd(LocalDate endsOn, String reason) {
    }

    /** Ends the running mandate: {@code endsOn} is the member's last day in office. */
    @PostMapping("/api/members/{id}/mandate-end")
    SessionView.MemberView endMandate(@PathVariable Long id, @RequestBody MandateEnd data) {
        return SessionView.MemberView.of(members.endMandate(id, data.endsOn(), data.reason()));
    }

    record NewProxy(AssemblyBody body, Long fromId, Long toId, LocalDate signedOn, Integer sessions, Boolean illness) {
    }

    record ProxyView(Long id, AssemblyBody body, Long fromId, Long toId, LocalDate signedOn, Integer sessions,
            boolean illness, Long firstSessionId, LocalDate revokedOn) {

        static ProxyView of(MemberProxy p) {
            return new ProxyView(p.id(), p.body(), p.giverId(), p.holderId(), p.signedOn(), p.sessions(), p.illness(),
                    p.firstSessionId(), p.revokedOn());
        }
    }

    /** Registers a written proxy for 1 to 3 consecutive séances (or, for an illness, until revoked). */
    @PostMapping("/api/proxies")
    ResponseEntity<ProxyView> registerProxy(@RequestBody NewProxy data, Caller caller) {
        MemberProxy proxy = proxies.register(data.body(), data.fromId(), data.toId(), data.signedOn(), data.sessions(),
                Boolean.TRUE.equals(data.illness()), caller.username());
        return ResponseEntity.created(URI.create("/api/proxies/" + proxy.id())).body(ProxyView.of(proxy));
    }

    @GetMapping("/api/proxies")
    List<ProxyView> proxies(@RequestParam(defaultValue = "BUREAU") AssemblyBody body) {
        return proxies.list(body).stream().map(ProxyView::of).toList();
    }

    record Revocation(LocalDate on) {
    }

    @PostMapping("/api/proxies/{id}/revocation")
    ProxyView revoke(@PathVariable Long id, @RequestBody(required = false) Revocation data) {
        return ProxyView.of(proxies.revoke(id, data == null ? null : data.on()));
    }

    record InterestData(InterestKind kind, String organisation, String siret, String rna, LocalDate since, LocalDate until) {
    }

    record InterestView(Long id, InterestKind kind, String organisation, String siret, String rna, LocalDate since,
            LocalDate until) {

        static InterestView of(MemberInterest i) {
            return new InterestView(i.id(), i.kind(), i.organisation(), i.siret(), i.rna(), i.since(), i.until());
        }
    }

    /** The register of members' interests: boards and designations, by SIRET or RNA, over time. */
    @PostMapping("/api/members/{id}/interests")
    ResponseEntity<InterestView> declareInterest(@PathVariable Long id, @RequestBody InterestData data) {
        MemberInterest interest = register.declareInterest(id, data.kind(), data.organisation(), data.siret(), data.rna(),
                data.since(), data.until());
        return ResponseEntity.created(URI.create("/api/members/" + id + "/interests")).body(InterestView.of(interest));
    }

    @GetMapping("/api/members/{id}/interests")
    @PreAuthorize("hasAnyAuthority('instructeurs', 'secretariat')")
    List<InterestView> interests(@PathVariable Long id) {
        return register.interestsOf(id).stream().map(InterestView::of).toList();
    }
}
