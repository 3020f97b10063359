package fr.subventions.budget;

import fr.subventions.shared.InvalidInputException;
import fr.subventions.shared.Money;
import fr.subventions.shared.Sequences;
import fr.subventions.shared.Violations;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /**
     * Holds the proposed amount on its lines; refused as a whole if any line lacks the credits. Lines are taken in the
     * order of their ids, as in every change of credits here, so that concurrent requests never lock two lines in
     * opposite orders.
     */
    public void reserve(Long requestId, int fiscalYear, BigDecimal total, List<LineAmount> split, String field) {
        Map<String, BudgetLine> byCode = validate(fiscalYear, total, split, field);
        Map<Integer, String> refused = new TreeMap<>();
        for (int i : inLockOrder(split, byCode)) {
            LineAmount part = split.get(i);
            BudgetLine line = byCode.get(part.code());
            if (lines.reserve(line.id(), part.amount()) == 0) {
                refused.put(i, lacking(line, BigDecimal.ZERO));
            } else {
                reservations.save(new Reservation(requestId, line, part.amount()));
            }
        }
        throwIfRefused(refused, field);
    }

    /** Gives back what a request still holds (rejection, withdrawal, lapse). */
    public void release(Long requestId) {
        List<Reservation> held = new ArrayList<>(reservations.findByRequestIdAndActiveTrue(requestId));
        held.sort(Comparator.comparing(r -> r.line().id()));
        for (Reservation reservation : held) {
            lines.release(reservation.line().id(), reservation.amount());
            reservation.end();
        }
    }

    /**
     * Commits the granted amount on its lines, consuming the request's reservation on each line and releasing what is
     * left of it elsewhere. Answers the engagement numbers, one per line.
     *
     * <p>Every line changed here, committed or released, is changed in the order of line ids, and the engagement
     * numbers are taken last: concurrent commitments queue on their first common line instead of deadlocking.
     */
    public List<String> commit(Long requestId, int fiscalYear, BigDecimal granted, List<LineAmount> split, String actor,
            Instant now, String field) {
        Map<String, BudgetLine> byCode = validate(fiscalYear, granted, split, field);
        Map<Long, Reservation> held = reservations.findByRequestIdAndActiveTrue(requestId).stream()
                .collect(Collectors.toMap(r -> r.line().id(), Function.identity(), (a, b) -> a));
        Map<Long, Integer> committedAt = new HashMap<>();
        for (int i = 0; i < split.size(); i++) {
            committedAt.put(byCode.get(split.get(i).code()).id(), i);
        }
        Set<Long> touched = new TreeSet<>(committedAt.keySet());
        touched.addAll(held.keySet());
        Map<Integer, String> refused = new TreeMap<>();
        for (Long lineId : touched) {
            Reservation reservation = held.get(lineId);
            BigDecimal reserved = reservation == null ? BigDecimal.ZERO : reservation.amount();
            Integer i = committedAt.get(lineId);
            if (i == null) {
                // held on a line finance did not choose: given back
                lines.release(lineId, reserved);
                reservation.end();
            } else if (lines.commit(lineId, reserved, split.get(i).amount()) == 0) {
                refused.put(i, lacking(byCode.get(split.get(i).code()), reserved));
            } else if (reservation != null) {
                reservation.end();
            }
        }
        throwIfRefused(refused, field);
        // Numbers only once every line is committed, in this transaction: engagement numbers have no gaps
        List<String> numbers = new ArrayList<>();
        for (LineAmount part : split) {
            String number = "ENG-" + fiscalYear + "-"
                    + String.format("%06d", sequences.nextWithoutGap(EngagementNumbers.series(fiscalYear)));
            commitments.save(new Commitment(requestId, byCode.get(part.code()), part.amount(), number, now, actor));
            numbers.add(number);
        }
        return numbers;
    }

    /** The split's indexes in the order of their lines' ids. */
    private static List<Integer> inLockOrder(List<LineAmount> split, Map<String, BudgetLine> byCode) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> byCode.get(split.get(i).code()).id()));
        return order;
    }

    /**
     * What the user is told when a line lacks the credits: what is available on it now, as the database holds it after
     * the refused update, not as it was read before (a concurrent commitment may have taken it meanwhile), plus
     * what the request itself holds there.
     */
    private String lacking(BudgetLine line, BigDecimal heldByTheRequest) {
        return "crédits insuffisants sur la ligne " + line.code() + " : disponible "
                + Money.format(lines.availableNow(line.id()).add(heldByTheRequest));
    }

    private static void throwIfRefused(Map<Integer, String> refused, String field) {
        Violations violations = new Violations();
        refused.forEach((i, message) -> violations.add(field + "[" + i + "].amount", message));
        violations.throwIfAny();
    }

    private Map<String, BudgetLine> validate(int fiscalYear, BigDecimal total, List<LineAmount> split, String field) {
        Violations violations = new Violations();
        if (split == null || split.isEmpty()) {
            throw new InvalidInputException(field, "au moins une ligne budgétaire est requise");
        }
        Set<String> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        Map<String, BudgetLine> byCode = new HashMap<>();
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
