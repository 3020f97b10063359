package fr.subventions.bureau;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MemberRepository extends JpaRepository<Member, Long> {

    List<Member> findByBodyOrderById(AssemblyBody body);

    /** The members of a body whose mandate covers the date (the last day of a mandate included). */
    @Query("select distinct m from Member m join m.mandates t where m.body = :body and t.startsOn <= :on"
            + " and (t.endsOn is null or t.endsOn >= :on) order by m.id")
    List<Member> inOfficeOn(@Param("body") AssemblyBody body, @Param("on") LocalDate on);

    long countByBody(AssemblyBody body);
}
