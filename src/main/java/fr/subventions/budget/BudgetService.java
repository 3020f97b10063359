package fr.subventions.budget;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import fr.subventions.shared.Sequences;
import fr.subventions.shared.Violations;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reservations at instruction, releases, and commitments after the convention: every euro traceable. */
@Service
@Transactional
public class BudgetService {

    private final BudgetLineRepository lines;
    private final ReservationRepository reservations;
    private final CommitmentRepository commitments;
    private final Sequences sequences;

    BudgetService(BudgetLineRepository lines, ReservationRepository reservations, CommitmentRepository commitments,
            Sequences sequences) {
        this.lines = lines;
        this.reservations = reservations;
        this.commitments = commitments;
        this.sequences = sequences;
    }

    @Transactional(readOnly = true)
    public List<BudgetLine> lines(Integer fiscalYear) {
        return fiscalYear == null ? lines.findAllByOrderByCode() : lines.findByFiscalYearOrderByCode(fiscalYear);
    }

    @Transactional(readOnly = true)
    public List<Reservation> reservationsOf(Long requestId) {
        return reservations.findByRequestId(requestId);
    }

    @Transactional(readOnly = true)
    public List<Commitment> commitmentsOf(Long requestId) {
        return commitments.findByRequestId(requestId);
    }

    /** Holds the proposed amount on its lines; refused as a whole if any line lacks the credits. */
    public void reserve(Long requestId, int fiscalYear, BigDecimal total, List<LineAmount> split, String field) {
        Map<String, BudgetLine> byCode = validate(fiscalYear, total, split, field);
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            LineAmount part = split.get(i);
            BudgetLine line = byCode.get(part.code());
            if (lines.reserve(line.id(), part.amount()) == 0) {
                refused.add(i + ":" + line.code());
            }
            reservations.save(new Reservation(requestId, line, part.amount()));
        }
        if (!refused.isEmpty()) {
            Violations violations = new Violations();
            for (String entry : refused) {
                int index = Integer.parseInt(entry.substring(0, entry.indexOf(':')));
                BudgetLine line = lines.findById(byCode.get(split.get(index).code()).id()).orElseThrow();
                violations.add(field + "[" + index + "].amount", "crédits insuffisants sur la ligne " + line.code()
                        + " : disponible " + Money.format(line.available()));
            }
            violations.throwIfAny();
        }
    }

    /** Gives back what a request still holds (rejection, withdrawal, lapse). */
    public void release(Long requestId) {
        for (Reservation reservation : reservations.findByRequestIdAndActiveTrue(requestId)) {
            lines.release(reservation.line().id(), reservation.amount());
            reservation.end();
        }
    }

    /**
     * Commits the granted amount on its lines, consuming the request's reservation on each line and releasing what is
     * left of it elsewhere. Answers the engagement numbers, one per line.
     */
    public List<String> commit(Long requestId, int fiscalYear, BigDecimal granted, List<LineAmount> split, String actor,
            Instant now, String field) {
        Map<String, BudgetLine> byCode = validate(fiscalYear, granted, split, field);
        Map<Long, Reservation> held = reservations.findByRequestIdAndActiveTrue(requestId).stream()
                .collect(Collectors.toMap(r -> r.line().id(), Function.identity(), (a, b) -> a));
        Violations violations = new Violations();
        for (int i = 0; i < split.size(); i++) {
            LineAmount part = split.get(i);
            BudgetLine line = byCode.get(part.code());
            Reservation reservation = held.remove(line.id());
            BigDecimal reserved = reservation == null ? BigDecimal.ZERO : reservation.amount();
            if (lines.commit(line.id(), reserved, part.amount()) == 0) {
                violations.add(field + "[" + i + "].amount", "crédits insuffisants sur la ligne " + line.code()
                        + " : disponible " + Money.format(line.available().add(reserved)));
            } else if (reservation != null) {
                reservation.end();
            }
        }
        violations.throwIfAny();
        // Numbers only once every line is committed, in this transaction: engagement numbers have no gaps
        List<String> numbers = new ArrayList<>();
        for (LineAmount part : split) {
            String number = "ENG-" + fiscalYear + "-"
                    + String.format("%06d", sequences.nextWithoutGap("engagement-" + fiscalYear));
            commitments.save(new Commitment(requestId, byCode.get(part.code()), part.amount(), number, now, actor));
            numbers.add(number);
        }
        for (Reservation rest : held.values()) {
            lines.release(rest.line().id(), rest.amount());
            rest.end();
        }
        return numbers;
    }

    private Map<String, BudgetLine> validate(int fiscalYear, BigDecimal total, List<LineAmount> split, String field) {
        Violations violations = new Violations();
        if (split == null || split.isEmpty()) {
            throw new InvalidInputException(field, "au moins une ligne budgétaire est requise");
        }
        Set<String> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        Map<String, BudgetLine> byCode = new java.util.HashMap<>();
        for (int i = 0; i < split.size(); i++) {
            LineAmount part = split.get(i);
            String at = field + "[" + i + "]";
            if (part == null || part.code() == null || part.code().isBlank()) {
                violations.add(at + ".code", "le code de la ligne budgétaire est obligatoire");
                continue;
            }
            Optional<BudgetLine> line = lines.findByCode(part.code());
            if (line.isEmpty()) {
                violations.add(at + ".code", "ligne budgétaire inconnue : " + part.code());
            } else if (line.get().fiscalYear() != fiscalYear) {
                violations.add(at + ".code", "la ligne " + part.code() + " relève de l'exercice " + line.get().fiscalYear()
                        + ", la demande de l'exercice " + fiscalYear);
            } else {
                byCode.put(part.code(), line.get());
            }
            if (!seen.add(part.code())) {
                violations.add(at + ".code", "la ligne " + part.code() + " figure deux fois");
            }
            if (!Money.isPositiveAmount(part.amount())) {
                violations.add(at + ".amount", "le montant doit être positif, en euros, avec au plus deux décimales");
            } else {
                sum = sum.add(part.amount());
            }
        }
        if (violations.isEmpty() && total != null && sum.compareTo(total) != 0) {
            violations.add(field, "la somme des lignes (" + Money.format(sum) + ") doit être égale au montant de "
                    + Money.format(total));
        }
        violations.throwIfAny();
        return byCode;
    }
}
