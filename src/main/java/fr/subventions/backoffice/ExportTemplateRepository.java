package fr.subventions.backoffice;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExportTemplateRepository extends JpaRepository<ExportTemplate, Long> {

    List<ExportTemplate> findByUsernameOrderByNameKey(String username);

    Optional<ExportTemplate> findByIdAndUsername(Long id, String username);

    boolean existsByUsernameAndNameKey(String username, String nameKey);

    long countByUsername(String username);
}
