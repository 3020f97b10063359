package fr.subventions.bureau;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A line of the register of members' interests: a board seat, or a designation to represent the authority. */
@Entity
@Table(name = "member_interest")
public class MemberInterest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "member_id")
    private Member member;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private InterestKind kind;

    @Column(nullable = false, length = 200)
    private String organisation;

    @Column(length = 14)
    private String siret;

    @Column(length = 10)
    private String rna;

    @Column(nullable = false)
    private LocalDate since;

    private LocalDate until;

    protected MemberInterest() {
    }

    public MemberInterest(Member member, InterestKind kind, String organisation, String siret, String rna, LocalDate since,
            LocalDate until) {
        this.member = member;
        this.kind = kind;
        this.organisation = organisation;
        this.siret = siret;
        this.rna = rna;
        this.since = since;
        this.until = until;
    }

    /** Whether it concerns this applicant (same SIRET, or same RNA) on that day. */
    public boolean concerns(String applicantSiret, String applicantRna, LocalDate on) {
        boolean current = !on.isBefore(since) && (until == null || !on.isAfter(until));
        boolean sameBody = (siret != null && siret.equals(applicantSiret)) || (rna != null && rna.equals(applicantRna));
        return current && sameBody;
    }

    /** "membre des instances dirigeantes de Association OF du Numérique". */
    public String reason() {
        return kind.label() + " " + organisation;
    }

    public Long id() {
        return id;
    }

    public Member member() {
        return member;
    }

    public InterestKind kind() {
        return kind;
    }

    public String organisation() {
        return organisation;
    }

    public String siret() {
        return siret;
    }

    public String rna() {
        return rna;
    }

    public LocalDate since() {
        return since;
    }

    public LocalDate until() {
        return until;
    }
}
