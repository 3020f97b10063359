package fr.subventions.system;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account an applicant created on the portal. Kept apart from the engine's users on purpose: it logs in to the
 * portal and the API as an applicant, and never into Tasklist, Cockpit or Admin.
 */
@Entity
@Table(name = "applicant_account")
class ApplicantAccount {

    @Id
    @Column(length = 50)
    private String username;

    @Column(nullable = false, length = 100)
    private String passwordHash;

    @Column(nullable = false, length = 100)
    private String firstName;

    @Column(nullable = false, length = 100)
    private String lastName;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(nullable = false)
    private Instant createdAt;

    protected ApplicantAccount() {
    }

    ApplicantAccount(String username, String passwordHash, String firstName, String lastName, String email, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.createdAt = createdAt;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    String email() {
        return email;
    }

    String fullName() {
        return firstName + " " + lastName;
    }
}
