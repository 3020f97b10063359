package fr.subventions.payment;

/** A payment of a subsidy: in one go, or an advance then the balance once the financial report is in. */
public enum PaymentKind {
    SINGLE("Versement unique"),
    ADVANCE("Avance"),
    BALANCE("Solde");

    private final String label;

    PaymentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
