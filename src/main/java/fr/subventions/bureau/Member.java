package fr.subventions.bureau;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    @Column(nullable = false)
    private boolean inOffice = true;

    protected Member() {
    }

    public Member(AssemblyBody body, Civility civility, String firstName, String lastName) {
        this.body = body;
        this.civility = civility;
        this.firstName = firstName;
        this.lastName = lastName;
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

    public boolean inOffice() {
        return inOffice;
    }
}
