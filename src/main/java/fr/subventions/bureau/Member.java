package fr.subventions.bureau;

import fr.subventions.shared.FrenchText;
import fr.subventions.shared.InvalidInputException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** A member of a body, as the extract names them: "Monsieur François REBSAMEN". */
@Entity
@Table(name = "assembly_member")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AssemblyBody body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Civility civility;

    @Column(nullable = false, length = 100)
    private String firstName;

    @Column(nullable = false, length = 100)
    private String lastName;

    @OneToMany(mappedBy = "member", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @OrderBy("startsOn ASC")
    private List<Mandate> mandates = new ArrayList<>();

    protected Member() {
    }

    /** A member installed on {@code since}, in office from that day until their mandate ends. */
    public Member(AssemblyBody body, Civility civility, String firstName, String lastName, LocalDate since) {
        this.body = body;
        this.civility = civility;
        this.firstName = firstName;
        this.lastName = lastName;
        this.mandates.add(new Mandate(this, since));
    }

    /** Whether a mandate covers the date: only members in office count for quorum, convocation and votes. */
    public boolean inOfficeOn(LocalDate date) {
        return mandates.stream().anyMatch(m -> m.covers(date));
    }

    /** Ends the running mandate; the member stays in office on {@code lastDay} itself. */
    void endMandate(LocalDate lastDay, String reason) {
        Mandate current = mandates.stream().filter(Mandate::isOpen).findFirst()
                .orElseThrow(() -> new InvalidInputException("endsOn", fullName() + " n'a pas de mandat en cours"));
        if (lastDay.isBefore(current.startsOn())) {
            throw new InvalidInputException("endsOn", "le mandat de " + fullName() + " a commencé le "
                    + FrenchText.date(current.startsOn()) + " : il ne peut finir avant");
        }
        current.end(lastDay, reason);
    }

    /** A new mandate, after the previous one ended: mandates never overlap. */
    void startMandate(LocalDate since) {
        for (Mandate mandate : mandates) {
            if (mandate.isOpen() || !mandate.endsOn().isBefore(since)) {
                throw new InvalidInputException("since", fullName() + " est déjà en exercice le " + FrenchText.date(since)
                        + " (mandat commencé le " + FrenchText.date(mandate.startsOn()) + ")");
            }
        }
        mandates.add(new Mandate(this, since));
    }

    public List<Mandate> mandates() {
        return List.copyOf(mandates);
    }

    public String fullName() {
        return civility.label() + " " + firstName + " " + lastName;
    }

    /** "Monsieur REBSAMEN", as the President and the secretary are named. */
    public String formalName() {
        return civility.label() + " " + lastName;
    }

    public Long id() {
        return id;
    }

    public AssemblyBody body() {
        return body;
    }

    public Civility civility() {
        return civility;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }
}
