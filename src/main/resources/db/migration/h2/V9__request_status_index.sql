-- GET /api/requests?status=…, a page at a time in the order of the references: the index gives the status's rows
-- already sorted, and counts them without reading the table.
create index ix_request_status_reference on subsidy_request (status, reference);
