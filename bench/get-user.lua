-- GET /users/{user_id} with a valid bearer token (an administrator reading one user).
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.path = "/users/" .. os.getenv("BENCH_USER_ID")
