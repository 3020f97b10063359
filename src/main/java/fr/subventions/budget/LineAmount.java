package fr.subventions.budget;

import java.math.BigDecimal;

/** An amount charged to the budget line with this code. */
public record LineAmount(String code, BigDecimal amount) {
}
