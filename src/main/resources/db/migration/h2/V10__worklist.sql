-- The staff's worklist (/gestion, package backoffice): when each request reached its stage (« jours à cette étape »,
-- sorted by index), the words its applicant's name, title and reference are searched by, and each user's tab, filters
-- and sort.

alter table subsidy_request add column status_since timestamp(6) with time zone;

-- A request reached its stage with the first event of the last run of events at that stage (reminders and signatures
-- are told in the history without changing it); a request without history, when it was filed
update subsidy_request r set status_since = coalesce(
    (select min(e.at) from stage_event e where e.request_id = r.id
        and cast(e.stage as varchar(30)) = cast(r.status as varchar(30))
        and e.at > coalesce((select max(x.at) from stage_event x where x.request_id = r.id
            and cast(x.stage as varchar(30)) <> cast(r.status as varchar(30))), timestamp '1970-01-01 00:00:00')),
    r.submitted_at);

alter table subsidy_request alter column status_since set not null;

-- A stage's tab sorted by days at the stage, all requests sorted so, and the fiscal years the filter offers
create index ix_request_status_since on subsidy_request (status, status_since);
create index ix_request_since on subsidy_request (status_since);
create index ix_request_fiscal_year on subsidy_request (fiscal_year);

-- Searched by prefix (« numér » finds « Numérique »): each word once per request, folded to lower-case ASCII
create table worklist_word (
    request_id bigint not null,
    word varchar(40) not null,
    primary key (word, request_id)
);

-- A search of several words starts from the rarest and checks the others on each request it finds
create index ix_worklist_word_request on worklist_word (request_id, word);

create table worklist_preference (
    overdue boolean not null,
    page_size integer not null,
    sort_descending boolean not null,
    fiscal_year integer,
    amount_min numeric(15,2),
    amount_max numeric(15,2),
    updated_at timestamp(6) with time zone not null,
    sort_key varchar(20) not null,
    tab varchar(30) not null,
    stage varchar(30),
    username varchar(100) not null,
    service varchar(100),
    taken_by varchar(100),
    search_text varchar(100),
    theme varchar(200),
    primary key (username)
);
