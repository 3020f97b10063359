package fr.subventions.bureau;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssemblySessionRepository extends JpaRepository<AssemblySession, Long> {

    java.util.List<AssemblySession> findAllByOrderBySessionDateDesc();
}
