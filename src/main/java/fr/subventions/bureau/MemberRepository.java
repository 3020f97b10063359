package fr.subventions.bureau;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberRepository extends JpaRepository<Member, Long> {

    List<Member> findByBodyOrderById(AssemblyBody body);

    List<Member> findByBodyAndInOfficeTrueOrderById(AssemblyBody body);

    long countByBody(AssemblyBody body);
}
