package fr.subventions.documents;

import fr.subventions.shared.FrenchText;
import fr.subventions.shared.Money;
import fr.subventions.submission.Applicant;
import fr.subventions.submission.SubsidyRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/** What every letter and act about a request may say of it and of its applicant, as the placeholders of its templates. */
record RequestFacts(String reference, String today, String applicantName, String representative,
        String applicantAddress, String legalForm, String siret, String rna, String title, String theme,
        String fiscalYear, String requestedAmount, String totalBudget, String submittedOn) {

    static RequestFacts of(SubsidyRequest request, Clock clock, Phrases phrases) {
        Applicant a = request.applicant();
        return new RequestFacts(request.reference(), FrenchText.longDate(LocalDate.now(clock)), a.name(),
                a.representative(), a.address(), a.legalForm().label(), a.siret(),
                a.rna() == null ? "" : phrases.get("request.rna", "rna", a.rna()), request.title(), request.theme(),
                String.valueOf(request.fiscalYear()), Money.format(request.requestedAmount()),
                Money.format(request.totalBudget()),
                FrenchText.longDate(LocalDate.ofInstant(request.submittedAt(), clock.getZone())));
    }

    Map<String, Object> placeholders() {
        return DocumentModel.placeholdersOf(this);
    }
}
