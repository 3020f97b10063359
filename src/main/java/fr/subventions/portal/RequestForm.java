package fr.subventions.portal;

import fr.subventions.shared.Money;
import fr.subventions.submission.LegalForm;
import fr.subventions.submission.SubmitRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The submission form as typed: texts only, so that a wrongly typed amount comes back as a message, not a crash. */
public class RequestForm {

    private ApplicantForm applicant = new ApplicantForm();
    private String title = "";
    private String description = "";
    private String theme = "";
    private String fiscalYear = "";
    private String totalBudget = "";
    private String requestedAmount = "";
    private List<CofinancingForm> cofinancing = new ArrayList<>(List.of(new CofinancingForm(), new CofinancingForm()));
    private final List<Integer> rows = new ArrayList<>();

    /** The command, with the unreadable numbers reported in {@code errors} under their field name. */
    SubmitRequest toCommand(Map<String, String> errors) {
        List<SubmitRequest.CofinancingData> lines = new ArrayList<>();
        rows.clear();
        for (int i = 0; i < cofinancing.size(); i++) {
            CofinancingForm line = cofinancing.get(i);
            if (line.funder.isBlank() && line.amount.isBlank()) {
                continue;
            }
            rows.add(i);
            lines.add(new SubmitRequest.CofinancingData(line.funder, amount(line.amount, "cofinancing[" + i + "].amount", errors)));
        }
        LegalForm form = null;
        try {
            form = applicant.legalForm.isBlank() ? null : LegalForm.valueOf(applicant.legalForm);
        } catch (IllegalArgumentException e) {
            errors.put("applicant.legalForm", "statut juridique inconnu");
        }
        Integer year = null;
        try {
            year = fiscalYear.isBlank() ? null : Integer.valueOf(fiscalYear.strip());
        } catch (NumberFormatException e) {
            errors.put("fiscalYear", "exercice invalide : une année, par exemple 2026");
        }
        return new SubmitRequest(new SubmitRequest.ApplicantData(applicant.name, applicant.siret.replace(" ", ""),
                applicant.rna.strip(), form, applicant.address, applicant.email, applicant.representative), title, description,
                theme, year, amount(totalBudget, "totalBudget", errors), amount(requestedAmount, "requestedAmount", errors), lines);
    }

    /** The on-screen field of a command's error: blank co-financing rows were left out, so row numbers shift back. */
    String onScreen(String field) {
        Matcher row = Pattern.compile("^cofinancing\\[(\\d+)]").matcher(field);
        if (row.find()) {
            int index = Integer.parseInt(row.group(1));
            if (index < rows.size()) {
                return "cofinancing[" + rows.get(index) + "]" + field.substring(row.end());
            }
        }
        return field;
    }

    private static BigDecimal amount(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Money.parse(text);
        } catch (NumberFormatException e) {
            errors.put(field, "montant illisible : écrivez par exemple 20000 ou 20000,50");
            return null;
        }
    }

    public static class ApplicantForm {
        private String name = "";
        private String siret = "";
        private String rna = "";
        private String legalForm = "ASSOCIATION";
        private String address = "";
        private String email = "";
        private String representative = "";

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getSiret() { return siret; }
        public void setSiret(String siret) { this.siret = siret; }
        public String getRna() { return rna; }
        public void setRna(String rna) { this.rna = rna; }
        public String getLegalForm() { return legalForm; }
        public void setLegalForm(String legalForm) { this.legalForm = legalForm; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getRepresentative() { return representative; }
        public void setRepresentative(String representative) { this.representative = representative; }
    }

    public static class CofinancingForm {
        private String funder = "";
        private String amount = "";

        public String getFunder() { return funder; }
        public void setFunder(String funder) { this.funder = funder; }
        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
    }

    public ApplicantForm getApplicant() { return applicant; }
    public void setApplicant(ApplicantForm applicant) { this.applicant = applicant; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public String getFiscalYear() { return fiscalYear; }
    public void setFiscalYear(String fiscalYear) { this.fiscalYear = fiscalYear; }
    public String getTotalBudget() { return totalBudget; }
    public void setTotalBudget(String totalBudget) { this.totalBudget = totalBudget; }
    public String getRequestedAmount() { return requestedAmount; }
    public void setRequestedAmount(String requestedAmount) { this.requestedAmount = requestedAmount; }
    public List<CofinancingForm> getCofinancing() { return cofinancing; }
    public void setCofinancing(List<CofinancingForm> cofinancing) { this.cofinancing = cofinancing; }
}
