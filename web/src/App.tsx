import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { Shell } from './components/Shell.js';
import { AiSystemsPage } from './pages/AiSystemsPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { FrameworkPage } from './pages/FrameworkPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { RisksPage } from './pages/RisksPage.js';
import { useSession } from './session.js';

export function App() {
  const session = useSession();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!session.data) return <LoginPage />;
  return (
    <Shell user={session.data}>
      <Routes>
        <Route path="/" element={<DashboardPage />} />
        <Route path="/ai-systems" element={<AiSystemsPage />} />
        <Route path="/risks" element={<RisksPage />} />
        <Route path="/frameworks/:id" element={<FrameworkPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Shell>
  );
}
