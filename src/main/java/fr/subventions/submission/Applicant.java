package fr.subventions.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The body asking for the subsidy, as declared in the request (CERFA 12156, section 1). */
@Embeddable
public class Applicant {

    @Column(name = "applicant_name", nullable = false, length = 200)
    private String name;

    @Column(name = "applicant_siret", nullable = false, length = 14)
    private String siret;

    @Column(name = "applicant_rna", length = 10)
    private String rna;

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_legal_form", nullable = false, length = 20)
    private LegalForm legalForm;

    @Column(name = "applicant_address", nullable = false, length = 500)
    private String address;

    @Column(name = "applicant_email", nullable = false, length = 254)
    private String email;

    @Column(name = "applicant_representative", nullable = false, length = 200)
    private String representative;

    protected Applicant() {
    }

    public Applicant(String name, String siret, String rna, LegalForm legalForm, String address, String email,
            String representative) {
        this.name = name;
        this.siret = siret;
        this.rna = rna;
        this.legalForm = legalForm;
        this.address = address;
        this.email = email;
        this.representative = representative;
    }

    public String name() {
        return name;
    }

    public String siret() {
        return siret;
    }

    public String rna() {
        return rna;
    }

    public LegalForm legalForm() {
        return legalForm;
    }

    public String address() {
        return address;
    }

    public String email() {
        return email;
    }

    public String representative() {
        return representative;
    }
}
