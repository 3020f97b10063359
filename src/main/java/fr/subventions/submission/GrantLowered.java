package fr.subventions.submission;

import java.math.BigDecimal;

/** Published when the assembly grants less than was proposed, so that the difference is released at once. */
public record GrantLowered(Long requestId, BigDecimal proposed, BigDecimal granted) {
}
