-- Indexes for the lookups every stage makes, found with MariaDB's log of queries not using an index during the
-- benchmark (docs/benchmarks.md): without them each lookup reads the whole table, and a table grows with every request
-- ever filed (request_document holds some ten rows per request, with their content).

-- A request's documents, and the version count taken when a document is filed again (DocumentService)
create index ix_request_document_request on request_document (request_id, type);
-- A séance's own documents (agenda, minutes)
create index ix_request_document_session on request_document (session_id, type);
-- A request's reservations and commitments (budget), its agenda items (bureau)
create index ix_budget_reservation_request on budget_reservation (request_id);
create index ix_budget_commitment_request on budget_commitment (request_id);
create index ix_agenda_item_request on agenda_item (request_id);
-- The beneficiary's earlier grants of the fiscal year (ConventionRules): the same SIREN or RNA
create index ix_subsidy_request_siret on subsidy_request (applicant_siret);
create index ix_subsidy_request_rna on subsidy_request (applicant_rna);
