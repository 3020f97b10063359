package fr.subventions.budget;

import java.math.BigDecimal;
import java.time.Year;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo budget lines, chapter 65, account 65748 (operating subsidies to private-law bodies), for fiscal years 2023 (the
 * seed case) to next year, on the two services of the seed cases: economic development and urban ecology.
 */
@Component
@Profile("demo")
public class DemoBudget {

    private final BudgetLineRepository lines;
    private final EngagementNumbers engagementNumbers;

    DemoBudget(BudgetLineRepository lines, EngagementNumbers engagementNumbers) {
        this.lines = lines;
        this.engagementNumbers = engagementNumbers;
    }

    @Transactional
    public void load() {
        if (lines.count() > 0) {
            return;
        }
        for (int year = 2023; year <= Year.now().getValue() + 1; year++) {
            lines.save(new BudgetLine(year, "65", "65748", "90", "Développement économique", "DEVECO",
                    "Subventions de fonctionnement aux associations — développement économique", new BigDecimal("500000.00")));
            lines.save(new BudgetLine(year, "65", "65748", "76", "Écologie urbaine", "ECOURB",
                    "Subventions de fonctionnement aux associations — écologie urbaine", new BigDecimal("300000.00")));
            lines.save(new BudgetLine(year, "65", "65748", "71", "Écologie urbaine", "ECOURB",
                    "Subventions de fonctionnement — transition énergétique", new BigDecimal("200000.00")));
            engagementNumbers.ensureCounter(year);
        }
    }
}
