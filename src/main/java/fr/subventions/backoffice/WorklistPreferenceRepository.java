package fr.subventions.backoffice;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorklistPreferenceRepository extends JpaRepository<WorklistPreference, String> {
}
