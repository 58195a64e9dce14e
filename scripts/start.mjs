// Production start: apply migrations, then serve the built app. Errors are one clear line.
import "./migrate.mjs";
import { createAppHandler, listen, loadServerBuild } from "../server/http-server.mjs";

const port = Number(process.env.PORT || 3000);
try {
  const build = await loadServerBuild();
  await listen(createAppHandler(build), port, process.env.HOST_BIND || "0.0.0.0");
  console.log(`Rassure listening on port ${port}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
