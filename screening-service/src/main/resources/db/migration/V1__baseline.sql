-- screening-service schema baseline; later migrations add the intake, policy and decisions.
CREATE TABLE schema_marker (id int PRIMARY KEY);
