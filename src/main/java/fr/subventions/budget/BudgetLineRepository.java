package fr.subventions.budget;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BudgetLineRepository extends JpaRepository<BudgetLine, Long> {

    Optional<BudgetLine> findByCode(String code);

    List<BudgetLine> findByFiscalYearOrderByCode(int fiscalYear);

    List<BudgetLine> findAllByOrderByCode();

    List<BudgetLine> findByFiscalYearIn(Collection<Integer> fiscalYears);

    /**
     * Sets the voted credits (a décision modificative) only if they still cover what is reserved and committed on the
     * line, in one statement: 0 rows updated means they do not, whatever was reserved since the line was read.
     */
    @Modifying(flushAutomatically = true)
    @Query("update BudgetLine l set l.voted = :voted where l.id = :id and l.reserved + l.committed <= :voted")
    int changeVoted(@Param("id") Long id, @Param("voted") BigDecimal voted);

    /** The line's reserved and committed credits as the database holds them now, past any entity already loaded. */
    @Query("select l.reserved, l.committed from BudgetLine l where l.id = :id")
    List<Object[]> heldNow(@Param("id") Long id);

    /** The line's available credits as the database holds them now, past any entity already loaded. */
    @Query("select l.voted - l.reserved - l.committed from BudgetLine l where l.id = :id")
    BigDecimal availableNow(@Param("id") Long id);

    /** Reserves only if the line still has the credits: 0 rows updated means it does not. */
    @Modifying(flushAutomatically = true)
    @Query("update BudgetLine l set l.reserved = l.reserved + :amount "
            + "where l.id = :id and l.voted - l.reserved - l.committed >= :amount")
    int reserve(@Param("id") Long id, @Param("amount") BigDecimal amount);

    @Modifying(flushAutomatically = true)
    @Query("update BudgetLine l set l.reserved = l.reserved - :amount where l.id = :id and l.reserved >= :amount")
    int release(@Param("id") Long id, @Param("amount") BigDecimal amount);

    /** Turns a reservation (possibly zero) into a commitment, in one statement that checks availability. */
    @Modifying(flushAutomatically = true)
    @Query("update BudgetLine l set l.reserved = l.reserved - :reserved, l.committed = l.committed + :amount "
            + "where l.id = :id and l.reserved >= :reserved and l.voted - l.reserved - l.committed + :reserved >= :amount")
    int commit(@Param("id") Long id, @Param("reserved") BigDecimal reserved, @Param("amount") BigDecimal amount);
}
