// Health check of the `mongo` service in docker/compose.yaml, run by mongosh every few seconds.
//
// The first run initiates a single-node replica set `rs0` (chatlog needs a replica set for
// transactions and `majority` writes); later runs find it initiated and do nothing. The check reports
// healthy (exit 0) only once this node is PRIMARY, so `app` starts only when writes are accepted.
// The member host is the compose service name, which is what the app container resolves.
try {
  rs.status();
} catch (err) {
  if (err.codeName !== "NotYetInitialized") {
    throw err;
  }
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongo:27017" }] });
}
quit(db.hello().isWritablePrimary ? 0 : 1);
