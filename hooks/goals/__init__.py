"""Chapter 5's goals and their yearly follow-up (data/goals.yml): loading and checking
(load.py), typed values (model.py), HTML for the pages (render.py), and the goals an
actor is responsible for (links.py)."""
