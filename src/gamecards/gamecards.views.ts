/** The address of one team's card of one game: the games list, the card, the planner, the reports and the home page link to it. */
export const cardPath = (gameId: string, teamId: string) => `/games/${gameId}/cards/${teamId}`;
