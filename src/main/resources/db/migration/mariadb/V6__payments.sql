-- How a granted subsidy is paid (payment_schedule): one payment, or an advance and the balance that waits for the
-- compte rendu financier; its payments (payment), the stages that wait for them and the report's document type.

create table payment_schedule (
    fiscal_year integer not null,
    granted decimal(15,2) not null,
    reminders_sent integer not null,
    report_due_on date,
    report_received_on date,
    id bigint not null auto_increment,
    report_document_id bigint,
    request_id bigint not null,
    version bigint not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

alter table payment_schedule
    add constraint uk_payment_schedule_request unique (request_id);

create table payment (
    amount decimal(15,2) not null,
    due_on date,
    paid_on date,
    position integer not null,
    id bigint not null auto_increment,
    schedule_id bigint not null,
    mandate_reference varchar(50),
    paid_by varchar(100),
    kind enum ('ADVANCE','BALANCE','SINGLE') not null,
    primary key (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

alter table payment
    add constraint FKowr34tbjr3osgxm99fp3u6w9d foreign key (schedule_id) references payment_schedule (id);

-- New constants at the end, in place (see V5)
alter table subsidy_request
    modify column status enum ('AWAITING_AGENDA','AWAITING_CLOSURE','AWAITING_IMPUTATION','AWAITING_SIGNATURES','CLOSED',
        'INCOMPLETE','IN_INSTRUCTION','ON_AGENDA','SUBMITTED','AWAITING_PAYMENT','AWAITING_FINANCIAL_REPORT') not null;

alter table stage_event
    modify column stage enum ('AWAITING_AGENDA','AWAITING_CLOSURE','AWAITING_IMPUTATION','AWAITING_SIGNATURES','CLOSED',
        'INCOMPLETE','IN_INSTRUCTION','ON_AGENDA','SUBMITTED','AWAITING_PAYMENT','AWAITING_FINANCIAL_REPORT') not null;

alter table request_document
    modify column type enum ('ACKNOWLEDGEMENT','AUTRE','BUDGET_PREVISIONNEL','COMPTES','CONTRAT_ENGAGEMENT_REPUBLICAIN',
        'CONVENTION','CONVENTION_SIGNEE','CONVOCATION','DELIBERATION_EXTRACT','ENGAGEMENT_SHEET','INSTRUCTION_REPORT',
        'MINUTES','MISSING_ITEMS_REQUEST','NOTIFICATION_GRANTED','NOTIFICATION_REJECTED','RAPPORT_ACTIVITE','RIB','STATUTS',
        'REMINDER','COMPTE_RENDU_FINANCIER') not null;
