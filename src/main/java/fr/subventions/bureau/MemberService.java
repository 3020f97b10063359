package fr.subventions.bureau;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.NotFoundException;
import fr.subventions.shared.Texts;
import fr.subventions.shared.Violations;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry of each body's members and their mandates over time. */
@Service
@Transactional
class MemberService {

    private final MemberRepository members;

    MemberService(MemberRepository members) {
        this.members = members;
    }

    public Member add(AssemblyBody body, Civility civility, String firstName, String lastName, LocalDate since) {
        Violations v = new Violations();
        v.check(body != null, "body", "l'assemblée est obligatoire : BUREAU ou CONSEIL");
        v.check(civility != null, "civility", "la civilité est obligatoire : MADAME ou MONSIEUR");
        v.check(firstName != null && !firstName.isBlank() && firstName.length() <= 100, "firstName",
                "le prénom est obligatoire (100 caractères au plus)");
        v.check(lastName != null && !lastName.isBlank() && lastName.length() <= 100, "lastName",
                "le nom est obligatoire (100 caractères au plus)");
        Texts.check(v, "firstName", firstName);
        Texts.check(v, "lastName", lastName);
        v.check(since != null, "since", "la date d'installation est obligatoire (AAAA-MM-JJ)");
        v.throwIfAny();
        return members.save(new Member(body, civility, firstName.strip(), lastName.strip(), since));
    }

    /** Ends a member's running mandate: {@code lastDay} is their last day in office. */
    public Member endMandate(Long memberId, LocalDate lastDay, String reason) {
        Violations v = new Violations();
        v.check(lastDay != null, "endsOn", "la date de fin du mandat est obligatoire (AAAA-MM-JJ)");
        v.check(reason != null && !reason.isBlank() && reason.length() <= 300, "reason",
                "le motif est obligatoire (démission, décès, élection…, 300 caractères au plus)");
        Texts.check(v, "reason", reason);
        v.throwIfAny();
        Member member = get(memberId);
        member.endMandate(lastDay, reason.strip());
        return member;
    }

    public Member startMandate(Long memberId, LocalDate since) {
        if (since == null) {
            throw new InvalidInputException("since", "la date de début du mandat est obligatoire (AAAA-MM-JJ)");
        }
        Member member = get(memberId);
        member.startMandate(since);
        return member;
    }

    @Transactional(readOnly = true)
    public Member get(Long memberId) {
        return members.findById(memberId).orElseThrow(() -> new NotFoundException("Membre inconnu : " + memberId));
    }

    /** All the body's members, or those in office on a date. */
    @Transactional(readOnly = true)
    public List<Member> list(AssemblyBody body, LocalDate on) {
        return on == null ? members.findByBodyOrderById(body) : members.inOfficeOn(body, on);
    }

    @Transactional(readOnly = true)
    public List<Member> inOfficeOn(AssemblyBody body, LocalDate on) {
        return members.inOfficeOn(body, on);
    }
}
