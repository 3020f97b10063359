package fr.subventions.budget;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BudgetImportRecordRepository extends JpaRepository<BudgetImportRecord, Long> {

    List<BudgetImportRecord> findBySha256OrderById(String sha256);
}
