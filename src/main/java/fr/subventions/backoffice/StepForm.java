package fr.subventions.backoffice;

import fr.subventions.backoffice.FinanceStepForms.Imputation;
import fr.subventions.backoffice.FinanceStepForms.PaymentDue;
import fr.subventions.backoffice.OfficerStepForms.Completeness;
import fr.subventions.backoffice.OfficerStepForms.Instruction;
import fr.subventions.backoffice.SecretariatStepForms.Closing;
import fr.subventions.backoffice.SecretariatStepForms.Signature;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a step's form shows beside its fields, read by the forms of the team the step falls to ({@link OfficerStepForms},
 * {@link SecretariatStepForms}, {@link FinanceStepForms}).
 */
public sealed interface StepForm permits Completeness, Instruction, Signature, Imputation, PaymentDue, Closing {

    /** The budget lines the form has an amount field for, in the page's order: the instruction's and finance's split. */
    default List<LineChoice> lines() {
        return List.of();
    }

    /**
     * A budget line of the request's fiscal year, with the credits available on it now (for finance, plus what the
     * request itself holds there) and what the request holds there (imputation).
     */
    record LineChoice(String field, String code, String label, String service, BigDecimal available,
            BigDecimal reserved) {

        /** The amount field of a line: {@code montant-2025-65-65748-90-DEVECO}. */
        public static String field(String code) {
            return "montant-" + code;
        }
    }
}
